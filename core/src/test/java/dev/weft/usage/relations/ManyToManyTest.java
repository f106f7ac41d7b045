package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.RelationSet;
import dev.weft.test.Databases;
import dev.weft.test.Sqlite;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Course;
import dev.weft.test.model.Student;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many-to-many collections from both sides: junction rows written at once, both sides consistent in memory. */
@ExtendWith(WeftDatabaseExtension.class)
class ManyToManyTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Student.class, Course.class);
    }

    private static long links(Database db) {
        return db.select(Category.class).fetchAll().stream().mapToLong(c -> db.related(c, "books").count()).sum();
    }

    @Test
    void addWritesJunctionRowsInTheCustomTableAndBothSidesSeeThem(Database db, StatementLog log) {
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        Category programming = db.save(new Category("Programming"));
        assertTrue(one.categories.isEmpty());
        log.clear();

        programming.books.add(one, two);

        assertEquals(2, log.containing("book_categories").size(), log.toString());
        assertEquals(List.of(programming), one.categories, "the loaded other side follows");
        assertEquals(Set.of(one, two), Set.copyOf(programming.books));
        db.clearCache();
        Book reloaded = db.get(Book.class, one.id);
        assertEquals("Programming", reloaded.categories.get(0).name);
    }

    @Test
    void linksNotWrittenWhenTheListenerRefusedOneAreNotWrittenLater() {
        int[] links = {0};
        try (Database db = Database.builder().inMemory().onStatement(sql -> {
            if (sql.startsWith("INSERT") && sql.contains("book_categories") && ++links[0] == 2) {
                throw new IllegalStateException("refused: " + sql);
            }
        }).build()) {
            db.createTables(Author.class, Book.class, Category.class);
            Author author = db.save(new Author("Ann"));
            Book one = db.save(new Book("One", author));
            Book two = db.save(new Book("Two", author));
            Book three = db.save(new Book("Three", author));
            Category programming = db.save(new Category("Programming"));
            Category poetry = db.save(new Category("Poetry"));
            assertThrows(IllegalStateException.class, () -> programming.books.addAll(List.of(one, two)));

            poetry.books.addAll(List.of(three, one)); // the same kept INSERT, in a batch again

            assertEquals(Set.of(three, one), Set.copyOf(db.related(poetry, "books").fetchAll()));
            assertEquals(List.of(), db.related(programming, "books").fetchAll());
        }
    }

    @Test
    void addingManyAtOnceWritesEveryLinkAndTheOtherSidesFollowWhenDeleted(Database db, StatementLog log) {
        Author author = db.save(new Author("Ann"));
        List<Book> books = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            books.add(db.save(new Book("Book " + i, author)));
        }
        books.forEach(b -> assertTrue(b.categories.isEmpty()));
        Category programming = db.save(new Category("Programming"));
        log.clear();

        assertTrue(programming.books.addAll(books));

        assertEquals(20, log.containing("book_categories").size(), log.toString());
        assertEquals(20, links(db));
        assertEquals(List.of(programming), books.get(19).categories);
        db.delete(programming);
        assertTrue(books.get(19).categories.isEmpty(), "the loaded other side lost the deleted category");
    }

    @Test
    void aMissingRowAmongManyAddedNamesThePairAndLinksNone(Database db) {
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        Book ghost = db.reference(Book.class, 999L);
        Category programming = db.save(new Category("Programming"));

        dev.weft.ForeignKeyViolationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.weft.ForeignKeyViolationException.class, () -> programming.books.addAll(List.of(one, ghost, two)));

        assertTrue(e.getMessage().startsWith("cannot link Book#999 to Category#" + programming.id), e.getMessage());
        assertEquals(0, links(db));
        assertTrue(programming.books.isEmpty());
        assertTrue(one.categories.isEmpty());
    }

    @Test
    void elementsComeInIdOrderWhateverOrderTheyWereLinkedIn(Databases databases) {
        // A junction with rowids, as an existing schema may have: its index on book_id yields each book's links in
        // the order they were written, not by category id.
        java.nio.file.Path file = databases.path("rowid-junction.db");
        Sqlite.execute(file, "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT, email TEXT)",
                "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author_id INTEGER NOT NULL REFERENCES author(id) ON DELETE CASCADE,"
                        + " published_date TEXT)",
                "CREATE TABLE category (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE book_categories (category_id INTEGER NOT NULL REFERENCES category(id),"
                        + " book_id INTEGER NOT NULL REFERENCES books(id), PRIMARY KEY (category_id, book_id))",
                "CREATE INDEX book_categories_book ON book_categories (book_id)");
        Database db = databases.open(file);
        db.register(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        List<Category> categories = new java.util.ArrayList<>();
        for (String name : List.of("A", "B", "C", "D")) {
            categories.add(db.save(new Category(name)));
        }
        for (int i = categories.size() - 1; i >= 0; i--) {
            one.categories.add(categories.get(i));
        }
        two.categories.add(categories.get(2));
        two.categories.add(categories.get(0));
        db.clearCache();

        List<Book> books = db.select(Book.class).order("id").prefetchRelated("categories").fetchAll();

        assertEquals(List.of("A", "B", "C", "D"), books.get(0).categories.stream().map(c -> c.name).toList());
        assertEquals(List.of("A", "C"), books.get(1).categories.stream().map(c -> c.name).toList());
        db.clearCache();
        Book lazy = db.get(Book.class, one.id);
        assertEquals(List.of("A", "B", "C", "D"), lazy.categories.stream().map(c -> c.name).toList());
    }

    @Test
    void theOtherSideWritesTheSameJunction(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        Category category = db.save(new Category("Fiction"));

        book.categories.add(category);

        assertEquals(1, links(db));
        assertTrue(category.books.contains(book));
        assertFalse(book.categories.add(category), "a link that exists is a no-op");
        assertEquals(1, links(db));
    }

    @Test
    void removeAndClearDeleteLinksNeverBooks(Database db) {
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        Category category = db.save(new Category("Fiction"));
        category.books.add(one, two);
        assertEquals(1, two.categories.size());

        category.books.remove(one);
        assertEquals(1, links(db));
        assertTrue(one.categories.isEmpty());

        category.books.clear();
        assertEquals(0, links(db));
        assertTrue(two.categories.isEmpty(), "cleared from the loaded other side too");
        assertEquals(2, db.select(Book.class).count());
        assertFalse(category.books.remove(one), "removing a link that is not there is a no-op");
    }

    @Test
    void membershipHoldsForSmallAndLargeRelationsAlike(Database db, StatementLog log) {
        // a relation of up to 16 elements is scanned, a larger one keeps a set: both must answer alike
        Author author = db.save(new Author("Ann"));
        List<Book> books = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            books.add(db.save(new Book("Book " + i, author)));
        }
        Category category = db.save(new Category("Fiction"));
        assertTrue(category.books.isEmpty());
        for (Book book : books) { // grows one by one past the size where the set is made
            category.books.add(book);
        }
        log.clear();
        assertFalse(category.books.add(books.get(3)), "already linked, among the first sixteen");
        assertFalse(category.books.add(books.get(18)), "already linked, after the first sixteen");
        assertEquals(0, log.containing("book_categories").size(), log.toString());
        assertEquals(20, category.books.size());

        assertTrue(category.books.remove(books.get(18)));
        assertTrue(category.books.remove(books.get(2)));
        assertFalse(category.books.contains(books.get(18)));
        assertFalse(category.books.contains(books.get(2)));
        assertTrue(category.books.contains(books.get(19)));
        assertEquals(18, category.books.size());
        assertEquals(18, links(db));

        db.clearCache();
        Category reloaded = db.get(Category.class, category.id);
        Book first = db.get(Book.class, books.get(0).id);
        assertEquals(18, reloaded.books.size(), "loaded at once past the size where the set is made");
        assertTrue(reloaded.books.contains(first));
        assertFalse(reloaded.books.add(first), "already linked in the loaded relation");
        assertEquals(18, links(db));
    }

    @Test
    void addingAnUnsavedBookSavesItFirst(Database db) {
        Author author = db.save(new Author("Ann"));
        Category category = db.save(new Category("Fiction"));
        Book book = new Book("Fresh", author);

        category.books.add(book);

        assertTrue(book.id > 0);
        assertEquals(1, links(db));
    }

    @Test
    void bothSidesDeclaredByBackrefWorkAsOneRelation(Database db) throws SQLException {
        Student ann = db.save(new Student("Ann"));
        Course math = db.save(new Course("Math"));
        Course art = db.save(new Course("Art"));

        assertInstanceOf(RelationSet.class, ann.courses);
        assertInstanceOf(List.class, math.students);
        ann.courses.add(math, art);
        math.students.add(new Student("Bob"));

        assertEquals(2, ann.courses.count());
        assertEquals(2, math.students.size());
        assertEquals(1, art.students.size());
        assertEquals(1, ann.courses.filter("title__startswith", "M").count());
        db.clearCache();
        Course reloaded = db.get(Course.class, math.id);
        assertEquals(Set.of("Ann", "Bob"), Set.copyOf(reloaded.students.stream().map(s -> s.name).toList()));
    }

    @Test
    void setReplacesTheLinksInOneStep(Database db) {
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        Book three = db.save(new Book("Three", author));
        Category category = db.save(new Category("Fiction"));
        category.books.add(one, two);

        db.related(category, "books").set(List.of(two, three));

        assertEquals(Set.of(two, three), Set.copyOf(category.books));
        assertEquals(2, links(db));
        assertTrue(one.categories.isEmpty());
        assertEquals(List.of(category), three.categories);
    }

    @Test
    void aNewOwnersCollectionIsWrittenWithIt(Database db) {
        Author author = db.save(new Author("Ann"));
        Book saved = db.save(new Book("Saved", author));
        Category category = new Category("Fresh");
        category.books.add(saved);
        category.books.add(new Book("Unsaved", author));

        db.save(category);

        assertEquals(2, links(db));
        assertEquals(2, category.books.size());
        assertEquals(List.of(category), saved.categories);
        db.clearCache();
        assertEquals(2, db.get(Category.class, category.id).books.size());
    }
}
