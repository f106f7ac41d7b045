package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.DetachedException;
import dev.weft.test.Databases;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Player;
import dev.weft.test.model.Profile;
import dev.weft.test.model.Team;
import dev.weft.test.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relations load lazily, through the identity map, and in batches: following the same relation from every object
 * of one result set costs one query, not one per object. The number of statements is the point of these tests.
 */
@ExtendWith(WeftDatabaseExtension.class)
class LazyLoadingTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, User.class, Profile.class, Player.class, Team.class);
    }

    private static List<Book> booksOfDistinctAuthors(Database db, int count) {
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            books.add(new Book("Book " + i, new Author("Author " + i)));
        }
        db.saveAll(books);
        db.clearCache();
        return books;
    }

    @Test
    void readingTheAuthorOfAThousandBooksRunsTwoStatements(Database db, StatementLog log) {
        booksOfDistinctAuthors(db, 1000);
        log.clear();

        List<Book> books = db.select(Book.class).fetchAll();
        int names = 0;
        for (Book book : books) {
            names += book.author.name.startsWith("Author ") ? 1 : 0;
        }

        assertEquals(1000, names);
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    @Test
    void followingAKeyRunsNoQueryUntilAFieldOtherThanTheIdIsRead(Database db, StatementLog log) {
        booksOfDistinctAuthors(db, 3);
        List<Book> books = db.select(Book.class).order("id").fetchAll();
        log.clear();

        Author author = books.get(0).author;
        assertTrue(author.id > 0);
        assertEquals(0, log.count());

        assertEquals("Author 0", author.name);
        assertEquals(1, log.dataStatements().size());
        assertEquals("Author 2", books.get(2).author.name);
        assertEquals(1, log.dataStatements().size(), "the whole cohort loaded with the first");
    }

    @Test
    void aForeignKeyIsTheIdentityMapsObject(Database db) {
        booksOfDistinctAuthors(db, 2);
        Book book = db.select(Book.class).order("id").fetchFirst().orElseThrow();

        assertSame(db.get(Author.class, book.author.id), book.author);
        assertSame(book, db.get(Book.class, book.id));
    }

    @Test
    void aNullableKeyThatIsNullIsNullWithoutAQuery(Database db, StatementLog log) {
        db.save(new Player("Free agent", null));
        db.clearCache();
        Player player = db.select(Player.class).get();
        log.clear();

        assertNull(player.team);
        assertEquals(0, log.count());
    }

    @Test
    void aReferenceAssignsARelationWithoutAQuery(Database db, StatementLog log) {
        Team team = db.save(new Team("Rovers"));
        db.clearCache();
        log.clear();

        Player player = new Player("Newcomer", db.reference(Team.class, team.id));
        db.save(player);

        assertEquals(List.of("INSERT"), log.dataStatements().stream().map(sql -> sql.split(" ")[0]).toList());
        assertEquals("Rovers", player.team.name);
    }

    @Test
    void readingTheBooksOfEveryAuthorRunsOneQueryForAll(Database db, StatementLog log) {
        for (int a = 0; a < 50; a++) {
            Author author = db.save(new Author("Author " + a));
            for (int b = 0; b < 3; b++) {
                db.save(new Book("Book " + a + "." + b, author));
            }
        }
        db.clearCache();
        log.clear();

        int books = 0;
        for (Author author : db.select(Author.class).fetchAll()) {
            books += author.books.size();
            for (Book book : author.books) {
                assertSame(author, book.author);
            }
        }

        assertEquals(150, books);
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    /** The authors are references whose rows nobody read: their collections still load together. */
    @Test
    void readingTheBooksOfTheUnreadAuthorsOfAResultRunsOneQueryForAll(Database db, StatementLog log) {
        booksOfDistinctAuthors(db, 20);
        log.clear();

        int books = 0;
        for (Book book : db.select(Book.class).fetchAll()) {
            books += book.author.books.size();
        }

        assertEquals(20, books);
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    @Test
    void readingTheProfileOfTheUnreadUsersOfAResultRunsOneQueryForAll(Database db, StatementLog log) {
        for (int i = 0; i < 20; i++) {
            db.save(new Profile(db.save(new User("user" + i)), "bio " + i));
        }
        db.clearCache();
        log.clear();

        int found = 0;
        for (Profile profile : db.select(Profile.class).fetchAll()) {
            found += profile.user.profile == profile ? 1 : 0;
        }

        assertEquals(20, found);
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    @Test
    void checkingWhetherEachAuthorHasBooksRunsOneQueryForAll(Database db, StatementLog log) {
        for (int a = 0; a < 30; a++) {
            Author author = db.save(new Author("Author " + a));
            if (a % 2 == 0) {
                db.save(new Book("Book " + a, author));
            }
        }
        db.clearCache();
        log.clear();

        long withBooks = db.select(Author.class).fetchAll().stream().filter(author -> !author.books.isEmpty()).count();

        assertEquals(15, withBooks);
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    @Test
    void aLoadedCollectionIsReadFromMemory(Database db, StatementLog log) {
        Author author = db.save(new Author("Ann"));
        db.save(new Book("One", author));
        db.clearCache();
        Author loaded = db.get(Author.class, author.id);
        assertEquals(1, loaded.books.size());
        log.clear();

        assertEquals(1, loaded.books.size());
        assertEquals(1, loaded.books.stream().count());
        assertEquals("One", loaded.books.get(0).title);
        assertEquals(0, log.count());
    }

    @Test
    void manyToManyCollectionsLoadInOneQueryForTheWholeResultSet(Database db, StatementLog log) {
        Category fiction = db.save(new Category("Fiction"));
        Category classics = db.save(new Category("Classics"));
        Author author = db.save(new Author("Ann"));
        for (int i = 0; i < 20; i++) {
            Book book = db.save(new Book("Book " + i, author));
            fiction.books.add(book);
            if (i % 2 == 0) {
                classics.books.add(book);
            }
        }
        db.clearCache();
        log.clear();

        int links = 0;
        for (Book book : db.select(Book.class).fetchAll()) {
            links += book.categories.size();
        }

        assertEquals(30, links);
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    @Test
    void theInverseOfAOneToOneLoadsInOneQueryForTheWholeResultSet(Database db, StatementLog log) {
        for (int i = 0; i < 10; i++) {
            User user = db.save(new User("user" + i));
            if (i % 3 != 0) {
                db.save(new Profile(user, "bio " + i));
            }
        }
        db.clearCache();
        log.clear();

        int profiles = 0;
        for (User user : db.select(User.class).fetchAll()) {
            if (user.profile != null) {
                profiles++;
                assertSame(user, user.profile.user);
            }
        }

        assertEquals(6, profiles);
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    @Test
    void afterCloseLoadedRelationsStayReadableAndUnloadedOnesSayDetached(Databases databases) {
        Database db = databases.inMemory();
        tables(db);
        Author author = db.save(new Author("Ann"));
        db.save(new Book("One", author));
        db.save(new Book("Two", author));
        db.clearCache();
        List<Author> authors = db.select(Author.class).fetchAll();
        Author loaded = authors.get(0);
        assertEquals(2, loaded.books.size());
        db.clearCache();
        Book book = db.select(Book.class).order("id").fetchFirst().orElseThrow();
        db.close();

        assertEquals(2, loaded.books.size());
        assertEquals("One", loaded.books.get(0).title);
        assertEquals(author.id, book.author.id, "the id of a hollow reference never loads");
        DetachedException detached = assertThrows(DetachedException.class, () -> book.author.name.length());
        assertTrue(detached.getMessage().contains("Author#" + author.id), detached.getMessage());
        DetachedException relation = assertThrows(DetachedException.class, () -> book.categories.size());
        assertTrue(relation.getMessage().contains("Book#" + book.id + ".categories"), relation.getMessage());
        assertThrows(DetachedException.class, () -> db.related(book, "categories").count());
    }
}
