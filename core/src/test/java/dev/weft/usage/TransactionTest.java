package dev.weft.usage;

import dev.weft.Database;
import dev.weft.ForeignKeyViolationException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Database.transaction}: commit on return, roll back on a throw, nested calls join the outer one. */
@ExtendWith(WeftDatabaseExtension.class)
class TransactionTest {

    private static Database library(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        return db;
    }

    @Test
    void transactionCommitsWhenTheWorkReturns(Database db) {
        library(db);

        db.transaction(() -> {
            db.save(new Author("One"));
            db.save(new Author("Two"));
        });

        assertEquals(2, db.select(Author.class).count());
    }

    @Test
    void transactionRollsBackWhenTheWorkThrows(Database db) {
        library(db);
        IllegalStateException failure = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.save(new Author("One"));
            db.save(new Author("Two"));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(0, db.select(Author.class).count());
    }

    @Test
    void workInsideATransactionSeesItsOwnWrites(Database db) {
        library(db);

        long seen = db.transaction(() -> {
            db.save(new Author("One"));
            return db.select(Author.class).count();
        });

        assertEquals(1, seen);
    }

    @Test
    void supplierOverloadReturnsTheValue(Database db) {
        library(db);

        Author author = db.transaction(() -> db.save(new Author("One")));

        assertTrue(author.id > 0);
        assertSame(author, db.get(Author.class, author.id));
    }

    @Test
    void supplierOverloadRollsBackWhenItThrows(Database db) {
        library(db);

        assertThrows(IllegalArgumentException.class, () -> db.transaction(() -> {
            db.save(new Author("One"));
            if (true) {
                throw new IllegalArgumentException("boom");
            }
            return 1;
        }));

        assertEquals(0, db.select(Author.class).count());
    }

    @Test
    void nestedTransactionJoinsTheOuterOne(Database db) {
        library(db);

        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.save(new Author("Outer"));
            db.transaction(() -> {
                db.save(new Author("Inner"));
            });
            throw new IllegalStateException("outer fails after the inner returned");
        }));

        assertEquals(0, db.select(Author.class).count(), "the inner work was rolled back with the outer");
    }

    @Test
    void nestedTransactionsCommitTogether(Database db) {
        library(db);

        db.transaction(() -> {
            db.save(new Author("Outer"));
            db.transaction(() -> db.save(new Author("Inner")));
        });

        assertEquals(2, db.select(Author.class).count());
    }

    @Test
    void nestedTransactionBeginsOnlyOnce(Database db, StatementLog log) {
        library(db);
        log.clear();

        db.transaction(() -> {
            db.save(new Author("Outer"));
            db.transaction(() -> db.save(new Author("Inner")));
        });

        assertEquals(1, log.matching("BEGIN").size(), log::toString);
    }

    @Test
    void transactionControlIsReportedToTheStatementListener(Database db, StatementLog log) {
        library(db);
        log.clear();

        db.transaction(() -> db.save(new Author("One")));

        assertEquals(1, log.matching("BEGIN").size(), log::toString);
        assertEquals(1, log.matching("COMMIT").size() + log.matching("END").size(), log::toString);
    }

    @Test
    void failedTransactionIsReportedAsARollback(Database db, StatementLog log) {
        library(db);
        log.clear();

        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.save(new Author("One"));
            throw new IllegalStateException("boom");
        }));

        assertEquals(1, log.matching("ROLLBACK").size(), log::toString);
        assertTrue(log.matching("COMMIT").isEmpty(), log::toString);
    }

    @Test
    void databaseIsUsableAfterARolledBackTransaction(Database db) {
        library(db);
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.save(new Author("Lost"));
            throw new IllegalStateException("boom");
        }));

        db.save(new Author("Kept"));

        assertEquals(1, db.select(Author.class).count());
        assertEquals("Kept", db.select(Author.class).get().name);
    }

    @Test
    void checkedExceptionsInWorkAreNotSwallowed(Database db) {
        library(db);
        AtomicBoolean ran = new AtomicBoolean();

        assertThrows(RuntimeException.class, () -> db.transaction(() -> {
            ran.set(true);
            db.save(new Author("Lost"));
            throw new java.io.UncheckedIOException(new java.io.IOException("disk"));
        }));

        assertTrue(ran.get());
        assertEquals(0, db.select(Author.class).count());
    }

    @Test
    void anIntegrityErrorInsideATransactionRollsBackEarlierWork(Database db) {
        library(db);

        assertThrows(ForeignKeyViolationException.class, () -> db.transaction(() -> {
            db.save(new Author("Lost"));
            db.save(new Book("Orphan", db.reference(Author.class, 999L)));
        }));

        assertEquals(0, db.select(Author.class).count());
    }
}
