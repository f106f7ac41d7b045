package dev.weft.usage;

import dev.weft.Database;
import dev.weft.MappingException;
import dev.weft.test.Databases;
import dev.weft.test.Schema;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Country;
import dev.weft.test.model.Magazine;
import dev.weft.test.model.Publisher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code register} maps entities onto tables that some other tool created, and creates nothing. */
@ExtendWith(WeftDatabaseExtension.class)
class RegisterTest {

    private static final String COUNTRY = "CREATE TABLE country (iso_code TEXT PRIMARY KEY, name TEXT)";
    private static final String PUBLISHER = "CREATE TABLE publisher (id INTEGER PRIMARY KEY, name TEXT)";
    private static final String MAGAZINE = "CREATE TABLE magazine (id INTEGER PRIMARY KEY, title TEXT, "
            + "publisher_id INTEGER NOT NULL REFERENCES publisher(id))";

    private static Path fileWith(Databases databases, String... ddl) {
        Path file = databases.path("existing.db");
        Sqlite.execute(file, ddl);
        return file;
    }

    @Test
    void registerReadsRowsOfAnExistingTable(Databases databases) {
        Path file = fileWith(databases, COUNTRY, "INSERT INTO country VALUES ('NO', 'Norway')");
        Database db = databases.open(file);

        db.register(Country.class);

        assertEquals("Norway", db.get(Country.class, "NO").name);
    }

    @Test
    void registerWritesRowsIntoAnExistingTable(Databases databases) {
        Path file = fileWith(databases, COUNTRY);
        Database db = databases.open(file);
        db.register(Country.class);

        db.save(new Country("IS", "Iceland"));

        assertEquals("Iceland", Sqlite.scalar(file, "SELECT name FROM country WHERE iso_code = 'IS'"));
    }

    @Test
    void registerCreatesNothing(Databases databases) {
        Path file = fileWith(databases, COUNTRY);
        List<Object> before = Sqlite.column(file, "SELECT name FROM sqlite_master ORDER BY name");
        Database db = databases.open(file);

        db.register(Country.class);

        assertEquals(before, Sqlite.column(file, "SELECT name FROM sqlite_master ORDER BY name"));
    }

    @Test
    void registerMapsForeignKeysOfExistingTables(Databases databases) {
        Path file = fileWith(databases, PUBLISHER, MAGAZINE,
                "INSERT INTO publisher VALUES (7, 'Acme')",
                "INSERT INTO magazine VALUES (1, 'Monthly', 7)");
        Database db = databases.open(file);

        db.register(Publisher.class, Magazine.class);

        Magazine magazine = db.get(Magazine.class, 1L);
        assertEquals(7L, magazine.publisher.id);
        assertEquals(List.of(magazine), db.select(Magazine.class).filter("publisher", 7L).fetchAll());
    }

    @Test
    void registerWithoutTheTableNamesTheMissingTable(Databases databases) {
        Path file = fileWith(databases, PUBLISHER);
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class, () -> db.register(Country.class));

        assertTrue(e.getMessage().contains("country"), e.getMessage());
        assertTrue(e.getMessage().contains("Country"), e.getMessage());
    }

    @Test
    void registerWithoutATableCreatesNothing(Databases databases) {
        Path file = fileWith(databases, PUBLISHER);
        Database db = databases.open(file);

        assertThrows(MappingException.class, () -> db.register(Country.class));

        assertEquals(List.of("publisher"), new Schema(file).tables());
    }

    @Test
    void registerWithoutAColumnNamesTheMissingColumn(Databases databases) {
        Path file = fileWith(databases, "CREATE TABLE country (iso_code TEXT PRIMARY KEY)");
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class, () -> db.register(Country.class));

        assertTrue(e.getMessage().contains("name"), e.getMessage());
        assertTrue(e.getMessage().contains("country"), e.getMessage());
    }

    @Test
    void registerWithoutTheKeyColumnNamesIt(Databases databases) {
        Path file = fileWith(databases, PUBLISHER,
                "CREATE TABLE magazine (id INTEGER PRIMARY KEY, title TEXT)");
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class,
                () -> db.register(Publisher.class, Magazine.class));

        assertTrue(e.getMessage().contains("publisher_id"), e.getMessage());
    }

    @Test
    void registerWithoutTheReferencedTableNamesIt(Databases databases) {
        Path file = fileWith(databases, MAGAZINE);
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class,
                () -> db.register(Publisher.class, Magazine.class));

        assertTrue(e.getMessage().contains("publisher"), e.getMessage());
    }

    /** The database carries out onDelete: a table whose key acts otherwise would delete rows memory keeps. */
    @Test
    void aKeyWhoseTableDeletesOtherwiseThanItsOnDeleteIsRefusedNamingBoth(Databases databases) {
        Path file = fileWith(databases, PUBLISHER, "CREATE TABLE magazine (id INTEGER PRIMARY KEY, title TEXT, "
                + "publisher_id INTEGER NOT NULL REFERENCES publisher(id) ON DELETE CASCADE)");
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class,
                () -> db.register(Publisher.class, Magazine.class));

        assertTrue(e.getMessage().contains("Magazine.publisher") && e.getMessage().contains("RESTRICT")
                && e.getMessage().contains("ON DELETE CASCADE"), e.getMessage());
        MappingException again = assertThrows(MappingException.class,
                () -> db.createTables(Publisher.class, Magazine.class));
        assertEquals(e.getMessage(), again.getMessage(), "createTables leaves an existing table as it is");
    }

    @Test
    void aKeyWithoutAForeignKeyInTheTableIsRefused(Databases databases) {
        Path file = fileWith(databases, PUBLISHER,
                "CREATE TABLE magazine (id INTEGER PRIMARY KEY, title TEXT, publisher_id INTEGER NOT NULL)");
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class,
                () -> db.register(Publisher.class, Magazine.class));

        assertTrue(e.getMessage().contains("no foreign key"), e.getMessage());
    }

    @Test
    void noActionInTheTableIsTheRestrictOfAKeyWithoutAnnotation(Databases databases) {
        Database db = databases.open(fileWith(databases, PUBLISHER, MAGAZINE));

        db.register(Publisher.class, Magazine.class);

        Publisher publisher = db.save(new Publisher("Pub"));
        db.save(new Magazine("Monthly", publisher));
        assertThrows(dev.weft.RestrictViolationException.class, () -> db.delete(publisher));
    }

    /** The tables of Author, Book and Category as another tool made them: the junction's keys do not cascade. */
    private static Path withJunctionThatDoesNotCascade(Databases databases) {
        return fileWith(databases, "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT, email TEXT)",
                "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author_id INTEGER NOT NULL"
                        + " REFERENCES author(id) ON DELETE CASCADE, published_date TEXT)",
                "CREATE TABLE category (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE book_categories (category_id INTEGER NOT NULL REFERENCES category(id),"
                        + " book_id INTEGER NOT NULL REFERENCES books(id), PRIMARY KEY (category_id, book_id))");
    }

    /** A junction table another tool made may not cascade: deleting an object still takes it out of its links. */
    @Test
    void deletingAnObjectDeletesItsLinksInAJunctionThatDoesNotCascade(Databases databases) {
        Path file = withJunctionThatDoesNotCascade(databases);
        Database db = databases.open(file);
        db.register(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        Category kept = db.save(new Category("Kept"));
        Category gone = db.save(new Category("Gone"));
        kept.books.add(one, two);
        gone.books.add(one, two);

        db.delete(gone);
        db.select(Book.class).filter("title", "Two").delete();

        assertEquals(List.of(one), List.copyOf(kept.books));
        assertEquals(1, ((Number) Sqlite.scalar(file, "SELECT COUNT(*) FROM book_categories")).intValue());
        assertEquals(List.of("Kept"), one.categories.stream().map(c -> c.name).toList());
    }

    /** A bulk delete whose filter goes through such a junction deletes the rows it matched before their links went. */
    @Test
    void aBulkDeleteFilteredThroughAJunctionThatDoesNotCascadeDeletesTheRowsItMatched(Databases databases) {
        Path file = withJunctionThatDoesNotCascade(databases);
        Database db = databases.open(file);
        db.register(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        Book three = db.save(new Book("Three", author));
        Category kept = db.save(new Category("Kept"));
        Category gone = db.save(new Category("Gone"));
        kept.books.add(one, two, three);
        gone.books.add(one, two);

        assertEquals(1, gone.books.filter("title", "Two").delete());
        assertEquals(1, db.select(Book.class).filter("categories__name", "Gone").delete());

        assertEquals(List.of("Three"), db.select(Book.class).fetchAll().stream().map(b -> b.title).toList());
        assertEquals(List.of(three), List.copyOf(kept.books));
        assertEquals(1, ((Number) Sqlite.scalar(file, "SELECT COUNT(*) FROM book_categories")).intValue());
    }

    /**
     * Rows the database deletes by CASCADE leave their links in a junction that does not cascade too: else the
     * delete fails on the junction's key.
     */
    @Test
    void aDeleteCascadingToLinkedRowsDeletesTheirLinksInAJunctionThatDoesNotCascade(Databases databases) {
        Path file = withJunctionThatDoesNotCascade(databases);
        Database db = databases.open(file);
        db.register(Author.class, Book.class, Category.class);
        Author ann = db.save(new Author("Ann"));
        Author bob = db.save(new Author("Bob"));
        Author cy = db.save(new Author("Cy"));
        Book annsBook = db.save(new Book("Ann's", ann));
        Book bobsBook = db.save(new Book("Bob's", bob));
        Book cysBook = db.save(new Book("Cy's", cy));
        Category category = db.save(new Category("All"));
        category.books.add(annsBook, bobsBook, cysBook);

        db.delete(ann);
        db.select(Author.class).filter("name", "Bob").delete();

        assertEquals(List.of(cysBook), List.copyOf(category.books));
        assertEquals(List.of("Cy's"), db.select(Book.class).fetchAll().stream().map(b -> b.title).toList());
        assertEquals(1, ((Number) Sqlite.scalar(file, "SELECT COUNT(*) FROM book_categories")).intValue());
    }
}
