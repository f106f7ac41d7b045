package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Query;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.AllTypes;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Regression tests for problems found in review of issue 2; each name says what should hold. */
@ExtendWith(WeftDatabaseExtension.class)
class ReviewFindingsTest {

    private static void library(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
    }

    @Test
    void savingALoadedObjectAfterClearCacheUpdatesItsRowInsteadOfInsertingADuplicate(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        db.clearCache();

        author.name = "Ursula K. Le Guin";
        assertDoesNotThrow(() -> db.save(author));

        assertEquals(1, db.select(Author.class).count());
        assertEquals("Ursula K. Le Guin", db.get(Author.class, author.id).name);
    }

    @Test
    void deletingAnEvictedObjectDeletesItsRow(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        db.evict(author);

        assertDoesNotThrow(() -> db.delete(author));

        assertEquals(0, db.select(Author.class).count());
    }

    @Test
    void bigDecimalRangeLookupsCompareNumbersNotText(Database db) {
        db.createTables(AllTypes.class);
        for (String value : List.of("9", "10", "100")) {
            AllTypes row = new AllTypes();
            row.decimal = new BigDecimal(value);
            db.save(row);
        }

        assertEquals(2, db.select(AllTypes.class).filter("decimal__gt", new BigDecimal("9")).count(),
                "10 and 100 are greater than 9");
        List<BigDecimal> ordered = new ArrayList<>();
        db.select(AllTypes.class).order("decimal").fetchAll().forEach(row -> ordered.add(row.decimal));
        assertEquals(List.of(new BigDecimal("9"), new BigDecimal("10"), new BigDecimal("100")), ordered);
    }

    @Test
    void countOfAQueryThatSqliteRefusesRaisesAWeftExceptionLikeFetchAllDoes(@OnFile Database db, Databases databases) {
        library(db);
        Sqlite.execute(databases.pathOf(db), "DROP TABLE books", "DROP TABLE author");
        Query<Author> query = db.select(Author.class);

        assertThrows(WeftException.class, query::fetchAll);
        assertThrows(WeftException.class, query::count, "count() lets the internal SqlFailure escape");
        assertThrows(WeftException.class, query::exists, "exists() lets the internal SqlFailure escape");
        assertThrows(WeftException.class, () -> query.update(Map.of("name", "x")),
                "update() lets the internal SqlFailure escape");
    }

    @Test
    void bulkUpdateOfABoxedLongFieldWithAnIntegerValueUpdatesTheLoadedObject(Database db) {
        db.createTables(AllTypes.class);
        AllTypes row = new AllTypes();
        row.boxedLong = 1L;
        db.save(row);

        // ConditionResolver accepts an Integer for a Long column; the row is updated, then copying the
        // raw Integer into the loaded object's Long field fails after the database has committed.
        assertDoesNotThrow(() -> db.select(AllTypes.class).update(Map.of("boxedLong", 5)));

        assertEquals(5L, row.boxedLong);
    }

    @Test
    void nestedTransactionThatThrowsIsRolledBackEvenWhenTheOuterOneCatchesAndCommits(Database db) {
        library(db);

        db.transaction(() -> {
            db.save(new Author("Outer"));
            try {
                db.transaction(() -> {
                    db.save(new Author("Inner"));
                    throw new IllegalStateException("inner work fails");
                });
            } catch (IllegalStateException expected) {
                // the application handles the failed inner unit of work and goes on
            }
        });

        assertEquals(List.of("Outer"), db.select(Author.class).fetchAll().stream().map(a -> a.name).toList(),
                "transaction(...) is documented as 'rolled back when it throws', but a joined call is not");
    }

    @Test
    void concurrentReferencesToOneRowAreOneInstance(Database db) throws Exception {
        library(db);
        int threads = 8;
        int ids = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    Object[] seen = new Object[ids];
                    for (int i = 0; i < ids; i++) {
                        seen[i] = db.reference(Author.class, (long) (i + 1));
                    }
                    return seen;
                }));
            }
            start.countDown();
            List<Object[]> all = new ArrayList<>();
            for (Future<Object[]> result : results) {
                all.add(result.get(60, TimeUnit.SECONDS));
            }
            for (int i = 0; i < ids; i++) {
                for (Object[] seen : all) {
                    assertSame(all.get(0)[i], seen[i], "two instances for Author#" + (i + 1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStreamClosedOnAnotherThreadGivesTheConnectionBack(Database db) throws Exception {
        library(db);
        db.save(new Author("Ursula"));
        java.util.stream.Stream<Author> stream = db.select(Author.class).stream();
        ExecutorService other = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Connector.holdForCursor() takes a ReentrantLock that only the opening thread can release:
            // closing on another thread throws IllegalMonitorStateException and the lock stays held.
            Future<?> closed = other.submit(stream::close);
            assertDoesNotThrow(() -> closed.get(10, TimeUnit.SECONDS));
        } finally {
            other.shutdownNow();
        }
    }
}
