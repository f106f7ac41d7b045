package dev.weft.usage;

import dev.weft.Database;
import dev.weft.ForeignKeyViolationException;
import dev.weft.NotFoundException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Logo;
import dev.weft.test.model.Org;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the application's transaction rolls back, the objects Weft saved, updated or deleted inside it go
 * back to what they were, like the rows: nothing in memory claims a row the database does not have.
 */
@ExtendWith(WeftDatabaseExtension.class)
class RolledBackTransactionMemoryTest {

    private static Database library(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        return db;
    }

    private static void rollBack(Database db, Runnable work) {
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            work.run();
            throw new IllegalStateException("roll back");
        }));
    }

    @Test
    void objectInsertedInARolledBackTransactionIsNewAgainAndSavesLater(Database db) {
        library(db);
        Author author = new Author("Ursula");

        rollBack(db, () -> db.save(author));

        assertEquals(0, author.id);
        assertEquals(0, db.select(Author.class).count());
        db.save(author);
        assertTrue(author.id > 0);
        assertSame(author, db.get(Author.class, author.id));
    }

    /**
     * A nested transaction that throws is rolled back to its savepoint while the outer one goes on and commits: the
     * objects the inner part saved must be as before it, or a later save of them writes into another object's row.
     */
    @Test
    void anEvictedInstanceARolledBackCascadeDeletedIsNotDeletedAfterwards(Database db) {
        library(db);
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("Dune", author));
        Category category = db.save(new Category("All"));
        category.books.add(book);
        assertEquals(1, category.books.size());
        db.evict(book); // only the collection holds it now

        rollBack(db, () -> db.select(Author.class).filter("name", "Ann").delete());

        book.title = "Dune Messiah";
        db.save(book);
        db.clearCache();
        assertEquals("Dune Messiah", db.get(Book.class, book.id).title);
        assertEquals(1, category.books.size());
    }

    @Test
    void innerTransactionCaughtByTheOuterOneLeavesMemoryAsTheDatabaseHasIt(Database db) {
        library(db);
        Author kept = new Author("Kept");
        Author undone = new Author("Undone");
        Author moved = db.save(new Author("Moved from"));
        Author other = db.save(new Author("Moved to"));
        Book book = db.save(new Book("Book", moved));
        assertEquals(1, moved.books.size());

        db.transaction(() -> {
            db.save(kept);
            assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
                db.save(undone);
                other.books.add(book); // written at once, inside the inner part
                throw new IllegalStateException("inner part fails");
            }));
        });

        assertEquals(0, undone.id, "the inner insert was rolled back");
        assertSame(moved, book.author, "the inner move was rolled back");
        assertEquals(List.of(book), moved.books);
        assertTrue(other.books.isEmpty(), "the collection shows what the database has");
        assertSame(kept, db.get(Author.class, kept.id));
        Author later = db.save(new Author("Later"));
        db.save(undone);
        assertNotSame(later, undone);
        assertTrue(undone.id > later.id, "inserted again, as a new row");
        assertEquals("Later", db.get(Author.class, later.id).name);
        assertEquals(5, db.select(Author.class).count());
    }

    @Test
    void rowIdReusedAfterRollbackDoesNotAnswerWithTheRolledBackObject(Database db) {
        library(db);
        Author ghost = new Author("Ghost");
        rollBack(db, () -> db.save(ghost));

        Author real = db.save(new Author("Real"));

        assertNotSame(ghost, db.get(Author.class, real.id));
        assertEquals("Real", db.get(Author.class, real.id).name);
    }

    @Test
    void updateRolledBackIsWrittenAgainByTheNextSave(Database db, StatementLog log) {
        library(db);
        Author author = db.save(new Author("Before"));
        author.name = "After";

        rollBack(db, () -> db.save(author));
        log.clear();
        db.save(author);

        assertEquals(1, log.matching("UPDATE").size(), () -> String.valueOf(log.all()));
        db.clearCache();
        assertEquals("After", db.get(Author.class, author.id).name);
    }

    @Test
    void deleteRolledBackLeavesTheObjectLoadedAndSaveable(Database db) {
        library(db);
        Author author = db.save(new Author("Kept"));

        rollBack(db, () -> db.delete(author));

        assertSame(author, db.get(Author.class, author.id));
        author.name = "Kept and renamed";
        db.save(author);
        db.clearCache();
        assertEquals("Kept and renamed", db.get(Author.class, author.id).name);
    }

    @Test
    void cascadeOfARolledBackDeleteLeavesTheDependantsLoaded(Database db) {
        library(db);
        Author author = db.save(new Author("Parent"));
        Book book = new Book("Child", author);
        db.save(book);

        rollBack(db, () -> db.delete(author));

        assertSame(book, db.get(Book.class, book.id));
    }

    @Test
    void bulkUpdateRolledBackRestoresTheLoadedFields(Database db) {
        library(db);
        Author author = db.save(new Author("Old"));

        rollBack(db, () -> db.select(Author.class).update(Map.of("name", "New")));

        assertEquals("Old", author.name);
        assertEquals("Old", db.get(Author.class, author.id).name);
    }

    @Test
    void failedSaveCaughtInsideATransactionLeavesNothingOfItselfAndTheRestCommits(Database db) {
        library(db);
        db.transaction(() -> {
            db.save(new Author("Committed"));
            Book orphan = new Book("Orphan", db.reference(Author.class, 999L));
            assertThrows(ForeignKeyViolationException.class, () -> db.save(orphan));
            assertEquals(0, orphan.id);
        });

        assertEquals(1, db.select(Author.class).count());
        assertEquals(0, db.select(Book.class).count());
    }

    // ---- what a read inside the transaction put in memory

    @Test
    void aRowReadAfterARolledBackBulkUpdateIsReadAgainAndAChangeBackIsSaved(Database db) {
        library(db);
        Book book = db.save(new Book("Dune", db.save(new Author("Frank"))));
        db.clearCache();

        rollBack(db, () -> {
            db.select(Book.class).update(Map.of("title", "Changed"));
            assertEquals("Changed", db.get(Book.class, book.id).title); // read inside: shows the update
        });

        Book again = db.select(Book.class).filter("title", "Dune").get();
        assertEquals("Dune", again.title, "the object read inside shows the row as it is now");
        again.title = "Changed";
        db.save(again);
        assertEquals(1, db.select(Book.class).filter("title", "Changed").count(), "the change is written");
    }

    @Test
    void aCollectionLoadedInsideARolledBackTransactionIsReadAgain(Database db) {
        library(db);
        Author author = db.save(new Author("Frank"));
        db.save(new Book("Dune", author));
        db.clearCache();
        Author again = db.get(Author.class, author.id);
        Book unsaved = new Book("Unwritten", again);

        rollBack(db, () -> {
            db.save(unsaved);
            assertEquals(2, again.books.size()); // loaded inside: holds the insert
        });

        assertEquals(0, unsaved.id);
        assertEquals(List.of("Dune"), again.books.stream().map(b -> b.title).toList());
    }

    @Test
    void anInstanceOfARolledBackInsertReadAfterClearCacheIsNotFoundAfterwards(Database db) {
        library(db);
        Author author = new Author("Ursula");
        Author[] readInside = new Author[1];

        rollBack(db, () -> {
            db.save(author);
            db.clearCache();
            readInside[0] = db.get(Author.class, author.id);
            assertNotSame(author, readInside[0]);
        });

        assertEquals(0, author.id);
        assertTrue(db.find(Author.class, 1L).isEmpty());
        assertThrows(NotFoundException.class, () -> db.get(Author.class, 1L));
        NotFoundException e = assertThrows(NotFoundException.class, () -> readInside[0].name.length());
        assertTrue(e.getMessage().startsWith("Author#1 does not exist: this object stands for its row without its "
                + "fields (a reference from Database.reference or a foreign key, or an object read in a transaction "
                + "that rolled back)"), e.getMessage());
    }
    @Test
    void aKeyPutBackByTheRollbackMovesItsObjectBackBetweenLoadedCollections(Database db) {
        library(db);
        Author first = db.save(new Author("First"));
        Author second = db.save(new Author("Second"));
        Book book = db.save(new Book("Moving", first));
        assertEquals(List.of(book), first.books);
        assertTrue(second.books.isEmpty());

        rollBack(db, () -> {
            book.title = "Moved";
            db.save(book);
            book.author = second;
            db.save(book);
        });

        assertSame(first, book.author);
        assertEquals(List.of(book), first.books);
        assertTrue(second.books.isEmpty());
        db.save(book);
        db.clearCache();
        assertEquals(List.of("Moved"), db.get(Author.class, first.id).books.stream().map(b -> b.title).toList());
    }

    @Test
    void aOneToOneReplacedInARolledBackTransactionIsReplacedByTheNextSave(Database db) {
        db.createTables(Org.class, Logo.class);
        Org before = db.save(new Org("Before"));
        Org after = db.save(new Org("After"));
        Logo logo = db.save(new Logo("x.png"));
        logo.org = before;
        db.save(logo);

        rollBack(db, () -> {
            logo.org = after; // releases Before: its key is written as NULL by saving the logo
            db.save(logo);
        });

        db.save(logo);
        db.clearCache();
        assertNull(db.get(Org.class, before.id).logo);
        assertEquals("x.png", db.get(Org.class, after.id).logo.uri);
    }
}
