package dev.weft.usage;

import dev.weft.Database;
import dev.weft.ForeignKeyViolationException;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, configuring and sharing a Database: files, WAL, foreign keys, the statement listener, threads. */
@ExtendWith(WeftDatabaseExtension.class)
class DatabaseTest {

    @Test
    void builderWithoutPathOrInMemoryRefusesToBuild() {
        WeftException e = assertThrows(WeftException.class, () -> Database.builder().build());

        assertTrue(e.getMessage().contains("inMemory") || e.getMessage().contains("path"), e.getMessage());
    }

    @Test
    void openCreatesTheFile(Databases databases) {
        Path file = databases.path("new.db");
        assertFalse(Files.exists(file));

        Database db = databases.open(file);
        db.createTables(Author.class, Book.class, Category.class);

        assertTrue(Files.exists(file));
    }

    @Test
    void fileDatabaseRunsInWalMode(@OnFile Database db, Databases databases) {
        db.createTables(Author.class, Book.class, Category.class);
        db.save(new Author("Ursula"));

        assertEquals("wal", Sqlite.scalar(databases.pathOf(db), "PRAGMA journal_mode"));
    }

    @Test
    void foreignKeysAreEnforcedInMemory(Database db) {
        db.createTables(Author.class, Book.class, Category.class);

        assertThrows(ForeignKeyViolationException.class,
                () -> db.save(new Book("Orphan", db.reference(Author.class, 999L))));
    }

    @Test
    void foreignKeysAreEnforcedOnFiles(@OnFile Database db, Databases databases) {
        db.createTables(Author.class, Book.class, Category.class);

        assertThrows(ForeignKeyViolationException.class,
                () -> db.save(new Book("Orphan", db.reference(Author.class, 999L))));
        assertEquals(0, Sqlite.count(databases.pathOf(db), "books"));
    }

    @Test
    void foreignKeysAreEnforcedAfterReopening(@OnFile Database db, Databases databases) {
        db.createTables(Author.class, Book.class, Category.class);
        Database reopened = databases.reopen(db);
        reopened.register(Author.class, Book.class, Category.class);

        assertThrows(ForeignKeyViolationException.class,
                () -> reopened.save(new Book("Orphan", reopened.reference(Author.class, 999L))));
    }

    @Test
    void foreignKeysAreEnforcedInsideTransactions(Database db) {
        db.createTables(Author.class, Book.class, Category.class);

        assertThrows(ForeignKeyViolationException.class, () -> db.transaction(
                () -> db.save(new Book("Orphan", db.reference(Author.class, 999L)))));
    }

    @Test
    void everyStatementIsReportedToTheListener(Database db, StatementLog log) {
        db.createTables(Author.class, Book.class, Category.class);
        assertFalse(log.matching("CREATE").isEmpty(), "DDL is reported: " + log);
        log.clear();

        Author author = db.save(new Author("Ursula"));
        db.clearCache();
        db.get(Author.class, author.id);
        db.delete(db.get(Author.class, author.id));

        assertEquals(1, log.matching("INSERT").size(), log::toString);
        assertFalse(log.matching("SELECT").isEmpty(), log::toString);
        assertFalse(log.matching("DELETE").isEmpty(), log::toString);
    }

    @Test
    void statementsAreReportedFromTheThreadThatSendsThem(@OnFile Database db, Databases databases) throws Exception {
        db.createTables(Author.class, Book.class, Category.class);
        Set<String> threads = java.util.Collections.synchronizedSet(new HashSet<>());
        Database listened = Database.builder().path(databases.pathOf(db))
                .onStatement(sql -> threads.add(Thread.currentThread().getName())).build();
        try (listened) {
            listened.register(Author.class, Book.class, Category.class);
            threads.clear();
            Thread worker = new Thread(() -> listened.save(new Author("From a worker")), "weft-worker");
            worker.start();
            worker.join();

            assertTrue(threads.contains("weft-worker"), threads::toString);
            assertFalse(threads.contains(Thread.currentThread().getName()), threads::toString);
        }
    }

    @Test
    void concurrentSavesAndReadsOnAFileAllSucceed(@OnFile Database db) throws Exception {
        db.createTables(Author.class, Book.class, Category.class);
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Author author = db.save(new Author("t" + thread + "-" + i));
                        Book book = db.save(new Book("b" + thread + "-" + i, author));
                        ids.add(author.id);
                        if (db.get(Author.class, author.id) != author) {
                            throw new AssertionError("identity map lost " + author.id);
                        }
                        db.select(Book.class).filter("author", author).get();
                        db.select(Author.class).count();
                        book.title = book.title + "!";
                        db.save(book);
                    }
                    return ids;
                }));
            }
            start.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> result : results) {
                ids.addAll(result.get(2, TimeUnit.MINUTES));
            }

            assertEquals(threads * perThread, ids.size());
            assertEquals(threads * perThread, db.select(Author.class).count());
            assertEquals(threads * perThread, db.select(Book.class).filter("title__endswith", "!").count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentTransactionsOnAFileDoNotFailWithBusy(@OnFile Database db) throws Exception {
        db.createTables(Author.class, Book.class, Category.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        db.transaction(() -> {
                            long before = db.select(Author.class).count();
                            db.save(new Author("n" + before));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }

            assertEquals(80, db.select(Author.class).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentSavesInMemoryAllSucceed(Database db) throws Exception {
        db.createTables(Author.class, Book.class, Category.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Author author = db.save(new Author("a" + i));
                        db.get(Author.class, author.id);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }

            assertEquals(100, db.select(Author.class).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threadsAskingForTheSameRowsGetOneInstancePerRow(Database db) throws Exception {
        db.createTables(Author.class, Book.class, Category.class);
        int threads = 4;
        int rows = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Author[]>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int first = t * 37;
                results.add(pool.submit(() -> {
                    start.await();
                    Author[] references = new Author[rows];
                    for (int i = 0; i < rows; i++) {
                        int id = (first + i) % rows; // each thread starts elsewhere, so that they race everywhere
                        references[id] = db.reference(Author.class, (long) id + 1);
                    }
                    return references;
                }));
            }
            start.countDown();
            Author[] expected = results.get(0).get(2, TimeUnit.MINUTES);
            for (Future<Author[]> result : results) {
                Author[] references = result.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < rows; i++) {
                    assertSame(expected[i], references[i], "Author#" + (i + 1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoDatabasesOnOneFileSeeEachOthersCommits(@OnFile Database db, Databases databases) {
        db.createTables(Author.class, Book.class, Category.class);
        Database second = databases.open(databases.pathOf(db));
        second.register(Author.class, Book.class, Category.class);

        Author author = db.save(new Author("Shared"));

        assertEquals("Shared", second.get(Author.class, author.id).name);
    }

    @Test
    void dataOnAFileSurvivesClosing(@OnFile Database db, Databases databases) {
        db.createTables(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Durable"));

        Database reopened = databases.reopen(db);
        reopened.register(Author.class, Book.class, Category.class);

        assertEquals("Durable", reopened.get(Author.class, author.id).name);
    }

    @Test
    void inMemoryDatabasesAreSeparate(Database first, Database second) {
        first.createTables(Author.class, Book.class, Category.class);
        second.createTables(Author.class, Book.class, Category.class);

        first.save(new Author("Only in first"));

        assertEquals(1, first.select(Author.class).count());
        assertEquals(0, second.select(Author.class).count());
    }

    @Test
    void loadedFieldsStayReadableAfterClose(Databases databases) {
        Database db = databases.inMemory();
        db.createTables(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ursula"));

        databases.close(db);

        assertEquals("Ursula", author.name);
        assertTrue(author.id > 0);
    }

    @Test
    void queriesWorkAgainOnceATableThatWasGoneIsBack(@OnFile Database db, Databases databases) {
        db.createTables(Author.class, Book.class, Category.class);
        db.save(new Author("Ursula", "ursula@example.org"));
        Path file = databases.pathOf(db);
        assertEquals(1, db.select(Author.class).filter("name", "Ursula").fetchAll().size());

        Sqlite.execute(file, "ALTER TABLE author RENAME TO author_away");
        assertThrows(WeftException.class, () -> db.select(Author.class).filter("name", "Ursula").fetchAll());
        Sqlite.execute(file, "ALTER TABLE author_away RENAME TO author");

        // The statement that failed was finalized by the driver: kept, it failed every later use.
        assertEquals(1, db.select(Author.class).filter("name", "Ursula").fetchAll().size());
        assertEquals(1, db.select(Author.class).count());
    }

    @Test
    void aQueryWhoseStatementFailedRunsAgainInTheSameTransaction(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        db.save(new Author("Ursula", "ursula@example.org"));
        String tooLong = "%" + "a".repeat(60_000) + "%"; // over SQLite's limit on a LIKE pattern: fails as it runs

        db.transaction(() -> {
            assertThrows(WeftException.class, () -> db.select(Author.class).filter("name__like", tooLong).count());
            assertEquals(1, db.select(Author.class).filter("name__like", "U%").count());
        });
        assertEquals(1, db.select(Author.class).filter("name__like", "U%").count());
    }
}
