package dev.weft.usage;

import dev.weft.Database;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Within one Database one row is one Java instance; evict and clearCache forget instances. */
@ExtendWith(WeftDatabaseExtension.class)
class IdentityMapTest {

    private static Author savedAuthor(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ursula", "ursula@example.com"));
        db.clearCache();
        return author;
    }

    @Test
    void getTwiceReturnsTheSameInstance(Database db) {
        Author author = savedAuthor(db);

        assertSame(db.get(Author.class, author.id), db.get(Author.class, author.id));
    }

    @Test
    void getAfterSaveReturnsTheSavedInstance(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ursula"));

        assertSame(author, db.get(Author.class, author.id));
    }

    @Test
    void queryResultsAreTheInstancesOfTheIdentityMap(Database db) {
        Author author = savedAuthor(db);
        Author loaded = db.get(Author.class, author.id);

        assertSame(loaded, db.select(Author.class).filter("name", "Ursula").get());
        assertSame(loaded, db.select(Author.class).fetchAll().get(0));
    }

    @Test
    void evictMakesTheNextLoadANewInstance(Database db) {
        Author author = savedAuthor(db);
        Author first = db.get(Author.class, author.id);

        db.evict(first);

        Author second = db.get(Author.class, author.id);
        assertNotSame(first, second);
        assertEquals(first.name, second.name);
    }

    @Test
    void evictLeavesOtherInstancesInPlace(Database db) {
        Author author = savedAuthor(db);
        Author other = db.save(new Author("Other"));
        Author first = db.get(Author.class, author.id);

        db.evict(first);

        assertSame(other, db.get(Author.class, other.id));
    }

    @Test
    void clearCacheMakesTheNextLoadANewInstance(Database db) {
        Author author = savedAuthor(db);
        Author first = db.get(Author.class, author.id);

        db.clearCache();

        assertNotSame(first, db.get(Author.class, author.id));
    }

    @Test
    void aReloadAfterEvictSeesChangesMadeByABulkUpdate(Database db) {
        Author author = savedAuthor(db);
        Author first = db.get(Author.class, author.id);
        db.select(Author.class).update(java.util.Map.of("name", "Renamed"));

        db.evict(first);

        assertEquals("Renamed", db.get(Author.class, author.id).name);
    }

    @Test
    void referenceSendsNoStatement(Database db, StatementLog log) {
        Author author = savedAuthor(db);
        log.clear();

        Author reference = db.reference(Author.class, author.id);

        assertEquals(author.id, reference.id);
        assertEquals(0, log.count(), log::toString);
    }

    @Test
    void referenceToAMissingRowSendsNoStatementEither(Database db, StatementLog log) {
        savedAuthor(db);
        log.clear();

        Author reference = db.reference(Author.class, 999L);

        assertEquals(999L, reference.id);
        assertEquals(0, log.count(), log::toString);
    }

    @Test
    void referenceReturnsTheLoadedInstanceWhenThereIsOne(Database db) {
        Author author = savedAuthor(db);
        Author loaded = db.get(Author.class, author.id);

        assertSame(loaded, db.reference(Author.class, author.id));
    }

    @Test
    void referenceTwiceReturnsTheSameInstance(Database db) {
        Author author = savedAuthor(db);

        assertSame(db.reference(Author.class, author.id), db.reference(Author.class, author.id));
    }

    @Test
    void getAfterReferenceLoadsTheRowIntoTheSameInstance(Database db) {
        Author author = savedAuthor(db);
        Author reference = db.reference(Author.class, author.id);

        Author loaded = db.get(Author.class, author.id);

        assertSame(reference, loaded);
        assertEquals("Ursula", loaded.name);
    }

    @Test
    void deletedObjectIsNoLongerInTheIdentityMap(Database db) {
        Author author = savedAuthor(db);
        Author loaded = db.get(Author.class, author.id);

        db.delete(loaded);
        Author again = db.save(new Author("Ursula"));

        assertNotSame(loaded, db.get(Author.class, again.id));
    }

    @Test
    void separateDatabasesHaveSeparateInstances(Database db, Database other) {
        Author author = savedAuthor(db);
        other.createTables(Author.class, Book.class, Category.class);
        other.save(new Author("Ursula", "ursula@example.com"));

        assertTrue(author.id > 0);
        assertNotSame(db.get(Author.class, author.id), other.get(Author.class, author.id));
    }
}
