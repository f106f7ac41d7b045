package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.test.Databases;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Blog;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Edition;
import dev.weft.test.model.Post;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row read gives its foreign-key fields only their keys; the objects they point at are made when a field is first
 * read (by enhanced code, by Weft, or by an object method), for every row of the result set at once. What is seen
 * through enhanced code must not differ from objects made with the row: these tests read the fields the way an
 * application does, and look at the raw field (reflection) only to show that nothing was made before.
 */
@ExtendWith(WeftDatabaseExtension.class)
class DeferredKeysTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Edition.class, Blog.class, Post.class);
    }

    private static Object rawAuthor(Book book) throws ReflectiveOperationException {
        return Book.class.getField("author").get(book);
    }

    private static List<Long> booksOfDistinctAuthors(Database db, int count) {
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            books.add(new Book("Book " + i, new Author("Author " + i)));
        }
        db.saveAll(books);
        db.clearCache();
        return books.stream().map(book -> book.id).toList();
    }

    @Test
    void aKeyIsGivenItsObjectOnFirstReadForEveryRowOfTheResultSetWithoutAQuery(Database db, StatementLog log)
            throws ReflectiveOperationException {
        booksOfDistinctAuthors(db, 3);
        List<Book> books = db.select(Book.class).order("id").fetchAll();
        for (Book book : books) {
            assertNull(rawAuthor(book), "nothing is made for a key before it is read");
        }
        log.clear();

        Author first = books.get(0).author;

        assertEquals(0, log.count(), "an object for a key is a hollow reference: no query");
        for (Book book : books) {
            assertNotNull(rawAuthor(book), "the key of every row read with it is followed with it");
        }
        assertSame(db.reference(Author.class, first.id), first, "through the identity map");
        assertEquals("Author 2", books.get(2).author.name);
        assertEquals("Author 0", first.name);
        assertEquals(1, log.matching("SELECT").size(), "the authors load together");
    }

    @Test
    void theFieldsSelectRelatedJoinedHoldTheirObjectsPastClearCacheAndClose(Databases databases, Database db,
                                                                             StatementLog log) {
        booksOfDistinctAuthors(db, 3);
        List<Book> books = db.select(Book.class).selectRelated("author").order("id").fetchAll();
        db.clearCache();
        System.gc(); // the identity map's values are weak: only the fields can keep the joined authors
        databases.close(db);
        log.clear();

        assertEquals("Author 0", books.get(0).author.name);
        assertEquals("Author 2", books.get(2).author.name);
        assertEquals(0, log.count(), "the joined rows are read already");
    }

    @Test
    void aKeyPointsAtTheObjectTheIdentityMapHolds(Database db) {
        List<Long> ids = booksOfDistinctAuthors(db, 2);
        Author loaded = db.get(Book.class, ids.get(1)).author;
        assertEquals("Author 1", loaded.name);

        List<Book> books = db.select(Book.class).order("id").fetchAll();

        assertSame(loaded, books.get(1).author);
    }

    @Test
    void savingAnotherFieldKeepsAKeyThatWasNeverRead(Database db, StatementLog log) {
        List<Long> ids = booksOfDistinctAuthors(db, 1);
        Book book = db.get(Book.class, ids.get(0));
        book.title = "Renamed";
        log.clear();

        db.save(book);

        assertEquals(1, log.matching("UPDATE").size());
        assertTrue(log.matching("UPDATE").get(0).contains("title") && !log.matching("UPDATE").get(0).contains("author"),
                log.matching("UPDATE").toString());
        db.clearCache();
        assertEquals("Author 0", db.get(Book.class, ids.get(0)).author.name);
    }

    @Test
    void savingLoadedObjectsLeavesTheirKeysWaiting(Database db, StatementLog log) throws ReflectiveOperationException {
        booksOfDistinctAuthors(db, 3);
        List<Book> books = db.select(Book.class).order("id").fetchAll();
        books.forEach(book -> book.title += " (2nd edition)");

        db.saveAll(books);

        for (Book book : books) {
            assertNull(rawAuthor(book), "a save needs no object for a key it does not write");
        }
        log.clear();
        assertEquals("Author 1", books.get(1).author.name);
        assertEquals(1, log.matching("SELECT").size());
    }

    @Test
    void aSaveReachesAChangedObjectInTheIdentityMapThroughAKeyThatWaits(Database db) {
        List<Long> ids = booksOfDistinctAuthors(db, 1);
        long authorId = db.get(Book.class, ids.get(0)).author.id;
        db.clearCache();
        Book book = db.select(Book.class).fetchAll().get(0); // a new instance: its key waits
        Author author = db.get(Author.class, authorId);
        author.name = "Renamed";

        db.save(book);

        db.clearCache();
        assertEquals("Renamed", db.get(Author.class, author.id).name, "saving the book saved the author it reaches");
    }

    @Test
    void aRolledBackSaveLeavesAKeyThatWaitedWaitingAndRight(Database db) {
        List<Long> ids = booksOfDistinctAuthors(db, 2);
        List<Book> books = db.select(Book.class).order("id").fetchAll();
        Book book = books.get(0);
        book.title = "Changed";

        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.save(book);
            db.delete(books.get(1));
            throw new IllegalStateException("roll back");
        }));

        assertEquals("Changed", book.title);
        assertEquals("Author 0", book.author.name, "the key is the row's after the undo");
        assertEquals("Author 1", books.get(1).author.name, "a deleted-then-restored object keeps its key");
        db.clearCache();
        assertEquals("Author 0", db.get(Book.class, ids.get(0)).author.name);
    }

    @Test
    void aKeyThatWaitsAndIsNulledByItsTargetsDeleteStaysNull(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        db.saveAll(List.of(new Post("First", blog), new Post("Second", blog)));
        db.clearCache();
        List<Post> posts = db.select(Post.class).order("title").fetchAll();

        db.delete(db.get(Blog.class, blog.id));

        assertNull(posts.get(0).blog, "SET_NULL nulls a loaded post whose key was never read");
        assertNull(posts.get(1).blog);
        db.save(posts.get(0));
        db.clearCache();
        assertNull(db.get(Post.class, posts.get(0).id).blog);
    }

    @Test
    void writingAKeyThatWaitsReplacesIt(Database db) {
        List<Long> ids = booksOfDistinctAuthors(db, 2);
        List<Book> books = db.select(Book.class).order("id").fetchAll();
        Author second = db.get(Author.class, db.get(Book.class, ids.get(1)).author.id);

        books.get(0).author = second;
        db.save(books.get(0));

        assertSame(second, books.get(0).author);
        db.clearCache();
        assertEquals("Author 1", db.get(Book.class, ids.get(0)).author.name);
    }

    @Test
    void toStringEqualsAndHashCodeSeeTheObjectOfAKeyAndLoadNothing(Database db, StatementLog log) {
        Book book = db.save(new Book("Dune", new Author("Herbert")));
        db.saveAll(List.of(new Edition("paperback", book), new Edition("paperback", book)));
        db.clearCache();
        List<Edition> editions = db.select(Edition.class).order("id").fetchAll();
        log.clear();

        assertEquals("paperback of book #" + book.id, editions.get(0).toString());
        assertEquals(editions.get(0), editions.get(1), "equal format and the same book");
        assertEquals(editions.get(0).hashCode(), editions.get(1).hashCode());
        assertNotEquals(editions.get(0), new Edition("paperback", null));
        assertEquals(0, log.count(), "peeking at a key loads no row");
    }

    @Test
    void threadsFollowingTheKeysOfOneResultSetGetOneObjectPerRow(Database db) throws Exception {
        booksOfDistinctAuthors(db, 400);
        List<Book> books = db.select(Book.class).order("id").fetchAll();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Author[]>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int first = t * 97;
                results.add(pool.submit(() -> {
                    start.await();
                    Author[] authors = new Author[books.size()];
                    for (int i = 0; i < books.size(); i++) {
                        int index = (first + i) % books.size(); // each thread starts elsewhere
                        authors[index] = books.get(index).author;
                    }
                    return authors;
                }));
            }
            start.countDown();
            Author[] expected = results.get(0).get(2, TimeUnit.MINUTES);
            for (Future<Author[]> result : results) {
                Author[] authors = result.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < authors.length; i++) {
                    assertNotNull(authors[i], "book " + i);
                    assertSame(expected[i], authors[i], "book " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("Author 399", books.get(399).author.name);
    }
}
