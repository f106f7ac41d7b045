package dev.weft.usage;

import dev.weft.Database;
import dev.weft.NotFoundException;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Account;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Country;
import dev.weft.test.model.Device;
import dev.weft.test.model.Note;
import dev.weft.test.model.Novel;
import dev.weft.test.model.Press;
import dev.weft.test.model.Ticket;
import dev.weft.test.model.Token;
import dev.weft.test.model.User;
import dev.weft.test.model.Writer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** save, get, find, delete and dirty-checked updates on unenhanced entities. */
@ExtendWith(WeftDatabaseExtension.class)
class CrudTest {

    private static Database library(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        return db;
    }

    // ---- inserting and ids -------------------------------------------------------------------

    @Test
    void saveAssignsAGeneratedLongId(Database db) {
        library(db);
        Author author = new Author("Ursula");

        Author returned = db.save(author);

        assertSame(author, returned);
        assertTrue(author.id > 0, "id " + author.id);
    }

    @Test
    void saveAssignsDistinctIdsToDistinctObjects(Database db) {
        library(db);

        Author first = db.save(new Author("One"));
        Author second = db.save(new Author("Two"));

        assertNotEquals(first.id, second.id);
    }

    @Test
    void saveAssignsAGeneratedBoxedLongId(Database db) {
        db.createTables(User.class);
        User user = new User("ada");
        assertNull(user.id);

        db.save(user);

        assertNotNull(user.id);
        assertTrue(user.id > 0);
        assertEquals("ada", db.get(User.class, user.id).username);
    }

    @Test
    void saveAssignsAGeneratedIntId(Database db) {
        db.createTables(Ticket.class);

        Ticket ticket = db.save(new Ticket("printer on fire"));

        assertTrue(ticket.id > 0);
        assertEquals("printer on fire", db.get(Ticket.class, ticket.id).subject);
    }

    @Test
    void getAcceptsAnIntegerForALongId(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));

        assertSame(author, db.get(Author.class, (int) author.id));
    }

    @Test
    void saveKeepsAnApplicationAssignedStringId(Database db) {
        db.createTables(Country.class);

        db.save(new Country("NO", "Norway"));
        db.clearCache();

        Country loaded = db.get(Country.class, "NO");
        assertEquals("NO", loaded.code);
        assertEquals("Norway", loaded.name);
    }

    @Test
    void saveKeepsAnApplicationAssignedUuidId(Database db) {
        db.createTables(Device.class);
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        db.save(new Device(id, "phone"));
        db.clearCache();

        Device loaded = db.get(Device.class, id);
        assertEquals(id, loaded.id);
        assertEquals("phone", loaded.label);
    }

    @Test
    void changingAStringIdEntityAfterSaveUpdatesIt(Database db, StatementLog log) {
        db.createTables(Country.class);
        Country country = db.save(new Country("NO", "Norge"));
        log.clear();

        country.name = "Norway";
        db.save(country);

        assertEquals(1, log.matching("UPDATE").size(), log::toString);
        assertTrue(log.matching("INSERT").isEmpty(), log::toString);
        db.clearCache();
        assertEquals("Norway", db.get(Country.class, "NO").name);
    }

    @Test
    void mappedSuperclassFieldsAreSavedAndLoaded(Database db) {
        db.createTables(Note.class);
        Instant created = Instant.parse("2024-05-06T07:08:09.123Z");

        Note note = db.save(new Note("remember the milk", created));
        db.clearCache();

        Note loaded = db.get(Note.class, note.id);
        assertTrue(note.id > 0);
        assertEquals("remember the milk", loaded.body);
        assertEquals(created, loaded.createdAt);
    }

    @Test
    void transientFieldsAreNotSaved(Database db) {
        db.createTables(Account.class);
        Account account = new Account("ada", "ada@example.com", "Ada");
        account.sessionToken = "secret";
        db.save(account);
        db.clearCache();

        assertNull(db.get(Account.class, account.id).sessionToken);
    }

    @Test
    void customColumnNameRoundTrips(Database db) {
        db.createTables(Account.class);
        Account account = db.save(new Account("ada", null, "Ada"));
        db.clearCache();

        assertEquals("ada", db.get(Account.class, account.id).login);
    }

    // ---- get and find ------------------------------------------------------------------------

    @Test
    void getLoadsTheSavedColumns(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula", "ursula@example.com"));
        db.clearCache();

        Author loaded = db.get(Author.class, author.id);

        assertEquals(author.id, loaded.id);
        assertEquals("Ursula", loaded.name);
        assertEquals("ursula@example.com", loaded.email);
    }

    @Test
    void getOfAMissingRowThrowsNotFound(Database db) {
        library(db);

        NotFoundException e = assertThrows(NotFoundException.class, () -> db.get(Author.class, 42L));

        assertTrue(e.getMessage().contains("Author"), e.getMessage());
        assertTrue(e.getMessage().contains("42"), e.getMessage());
    }

    @Test
    void findOfAMissingRowIsEmpty(Database db) {
        library(db);

        assertTrue(db.find(Author.class, 42L).isEmpty());
    }

    @Test
    void findOfAnExistingRowIsTheObject(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));

        assertSame(author, db.find(Author.class, author.id).orElseThrow());
    }

    @Test
    void loadedForeignKeyHoldsAReferenceWithTheTargetId(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        Book book = db.save(new Book("The Dispossessed", author));
        db.clearCache();

        Book loaded = db.get(Book.class, book.id);

        assertNotNull(loaded.author);
        assertEquals(author.id, loaded.author.id);
        assertTrue(loaded.author instanceof Author);
    }

    @Test
    void loadedForeignKeyIsTheAlreadyLoadedTarget(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        Book book = db.save(new Book("The Dispossessed", author));
        db.clearCache();
        Author loadedAuthor = db.get(Author.class, author.id);

        Book loaded = db.get(Book.class, book.id);

        assertSame(loadedAuthor, loaded.author);
        assertEquals("Ursula", loaded.author.name);
    }

    @Test
    void booksOfOneAuthorShareOneAuthorInstance(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        Book first = db.save(new Book("One", author));
        Book second = db.save(new Book("Two", author));
        db.clearCache();

        Book a = db.get(Book.class, first.id);
        Book b = db.get(Book.class, second.id);

        assertSame(a.author, b.author);
    }

    // ---- saving cascades ---------------------------------------------------------------------

    @Test
    void savingABookWithANewAuthorInsertsTheAuthorFirst(Database db, StatementLog log) {
        library(db);
        Author author = new Author("Ursula");
        Book book = new Book("The Dispossessed", author);
        log.clear();

        db.save(book);

        assertTrue(author.id > 0, "the new author was saved too");
        assertTrue(book.id > 0);
        List<String> inserts = log.matching("INSERT");
        assertEquals(2, inserts.size(), log::toString);
        assertTrue(inserts.get(0).contains("author"), inserts::toString);
        assertTrue(inserts.get(1).contains("books"), inserts::toString);
        db.clearCache();
        assertEquals(author.id, db.get(Book.class, book.id).author.id);
    }

    @Test
    void savingABookWithAChangedAuthorUpdatesTheAuthor(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        Book book = db.save(new Book("The Dispossessed", author));

        author.name = "Ursula K. Le Guin";
        db.save(book);
        db.clearCache();

        assertEquals("Ursula K. Le Guin", db.get(Author.class, author.id).name);
    }

    @Test
    void aReferenceCanBeAssignedAsRelationByItsId(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        db.clearCache();

        Book book = db.save(new Book("The Dispossessed", db.reference(Author.class, author.id)));
        db.clearCache();

        assertEquals(author.id, db.get(Book.class, book.id).author.id);
        assertEquals("Ursula", db.get(Author.class, author.id).name);
    }

    // ---- updates: only what changed ----------------------------------------------------------

    @Test
    void savingALoadedObjectAfterOneChangeUpdatesOnlyThatColumn(Database db, StatementLog log) {
        library(db);
        Author saved = db.save(new Author("Ursula", "ursula@example.com"));
        db.clearCache();
        Author loaded = db.get(Author.class, saved.id);
        log.clear();

        loaded.name = "Ursula K. Le Guin";
        db.save(loaded);

        List<String> updates = log.matching("UPDATE");
        assertEquals(1, updates.size(), log::toString);
        assertTrue(updates.get(0).contains("name"), updates.get(0));
        assertFalse(updates.get(0).contains("email"), updates.get(0));
        assertTrue(log.matching("INSERT").isEmpty(), log::toString);
    }

    @Test
    void savingALoadedObjectWithAChangedIdIsRefusedAndWritesNothing(Database db, StatementLog log) {
        library(db);
        Author saved = db.save(new Author("Ursula", "ursula@example.com"));
        db.clearCache();
        Author loaded = db.get(Author.class, saved.id);
        long id = loaded.id;
        log.clear();

        loaded.name = "Ursula K. Le Guin";
        loaded.id = id + 100;
        WeftException e = assertThrows(WeftException.class, () -> db.save(loaded));

        assertTrue(e.getMessage().contains("Author#" + id) && e.getMessage().contains("changed to " + (id + 100))
                && e.getMessage().contains("save a new object"), e.getMessage());
        assertTrue(log.matching("UPDATE").isEmpty(), log::toString);
        assertEquals(id + 100, loaded.id, "the object keeps what the application wrote");
        db.clearCache();
        assertEquals("Ursula", db.get(Author.class, id).name);
    }

    @Test
    void savingAnUnchangedLoadedObjectWritesNothing(Database db, StatementLog log) {
        library(db);
        Author saved = db.save(new Author("Ursula", "ursula@example.com"));
        db.clearCache();
        Author loaded = db.get(Author.class, saved.id);
        log.clear();

        db.save(loaded);

        assertTrue(log.matching("UPDATE").isEmpty(), log::toString);
        assertTrue(log.matching("INSERT").isEmpty(), log::toString);
    }

    @Test
    void savingAnObjectTwiceWithoutChangesWritesOnce(Database db, StatementLog log) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        log.clear();

        db.save(author);

        assertTrue(log.matching("UPDATE").isEmpty(), log::toString);
        assertTrue(log.matching("INSERT").isEmpty(), log::toString);
    }

    @Test
    void changesAfterAnInsertAreWrittenByTheNextSave(Database db, StatementLog log) {
        library(db);
        Author author = db.save(new Author("Ursula", "ursula@example.com"));
        log.clear();

        author.email = "ukl@example.com";
        db.save(author);

        List<String> updates = log.matching("UPDATE");
        assertEquals(1, updates.size(), log::toString);
        assertTrue(updates.get(0).contains("email"), updates.get(0));
        assertFalse(updates.get(0).contains("name"), updates.get(0));
        db.clearCache();
        assertEquals("ukl@example.com", db.get(Author.class, author.id).email);
        assertEquals("Ursula", db.get(Author.class, author.id).name);
    }

    @Test
    void settingAFieldToNullIsWritten(Database db) {
        library(db);
        Author author = db.save(new Author("Ursula", "ursula@example.com"));

        author.email = null;
        db.save(author);
        db.clearCache();

        assertNull(db.get(Author.class, author.id).email);
    }

    @Test
    void changingAForeignKeyUpdatesOnlyTheKeyColumn(Database db, StatementLog log) {
        library(db);
        Author first = db.save(new Author("One"));
        Author second = db.save(new Author("Two"));
        Book book = db.save(new Book("Moved", first, LocalDate.of(2020, 1, 1)));
        log.clear();

        book.author = second;
        db.save(book);

        List<String> updates = log.matching("UPDATE");
        assertEquals(1, updates.size(), log::toString);
        assertTrue(updates.get(0).contains("author_id"), updates.get(0));
        assertFalse(updates.get(0).contains("title"), updates.get(0));
        assertFalse(updates.get(0).contains("published_date"), updates.get(0));
        db.clearCache();
        assertEquals(second.id, db.get(Book.class, book.id).author.id);
    }

    @Test
    void updatesAreBoundNotInlined(Database db, StatementLog log) {
        library(db);
        Author author = db.save(new Author("Ursula"));
        log.clear();

        author.name = "O'Brien";
        db.save(author);

        String update = log.matching("UPDATE").get(0);
        assertTrue(update.contains("?"), update);
        assertFalse(update.contains("O'Brien"), update);
        db.clearCache();
        assertEquals("O'Brien", db.get(Author.class, author.id).name);
    }

    // ---- deleting ----------------------------------------------------------------------------

    @Test
    void deleteRemovesTheRow(@OnFile Database db, Databases databases) {
        library(db);
        Author keep = db.save(new Author("Keep"));
        Author gone = db.save(new Author("Gone"));

        db.delete(gone);

        Path file = databases.pathOf(db);
        assertEquals(1, Sqlite.count(file, "author"));
        assertTrue(db.find(Author.class, gone.id).isEmpty());
        assertSame(keep, db.get(Author.class, keep.id));
    }

    @Test
    void deletedRowIsNotFoundAfterwards(Database db) {
        library(db);
        Author author = db.save(new Author("Gone"));
        long id = author.id;

        db.delete(author);

        assertThrows(NotFoundException.class, () -> db.get(Author.class, id));
    }

    @Test
    void aSaveThatReachesADeletedObjectNamesTheFieldThatHoldsIt(Database db) {
        library(db);
        Author gone = db.save(new Author("Gone"));
        Book kept = db.save(new Book("Kept", db.save(new Author("Kept"))));
        db.delete(gone);
        Book book = new Book("Orphan", gone);
        Category category = new Category("Lost");
        category.books.add(kept);
        db.delete(kept);

        WeftException byKey = assertThrows(WeftException.class, () -> db.save(book));
        WeftException byCollection = assertThrows(WeftException.class, () -> db.save(category));
        WeftException itself = assertThrows(WeftException.class, () -> db.save(gone));

        assertEquals("cannot save a new Book: its author holds Author#" + gone.id + ", which was deleted; point "
                + "Book.author at another Author, or save a new Author in its place. Nothing was changed.",
                byKey.getMessage());
        assertEquals("cannot save a new Category: its books holds Book#" + kept.id + ", which was deleted; remove it "
                + "from Category.books, or save a new Book in its place. Nothing was changed.", byCollection.getMessage());
        assertEquals("cannot save Author#" + gone.id + ": it was deleted; save a new object to store it again. "
                + "Nothing was changed.", itself.getMessage());
        assertEquals(0, book.id);
        assertEquals(0, category.id);
        assertEquals(1, db.select(Author.class).count());
    }

    @Test
    void deleteOfAStringIdEntityRemovesIt(Database db) {
        db.createTables(Country.class);
        Country country = db.save(new Country("NO", "Norway"));

        db.delete(country);

        assertTrue(db.find(Country.class, "NO").isEmpty());
    }

    // ---- saveAll -----------------------------------------------------------------------------

    @Test
    void saveAllInsertsEveryObjectAndAssignsIds(Database db) {
        library(db);
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            authors.add(new Author("Author " + i));
        }

        db.saveAll(authors);

        Set<Long> ids = new HashSet<>();
        for (Author author : authors) {
            assertTrue(author.id > 0);
            ids.add(author.id);
        }
        assertEquals(250, ids.size());
        assertEquals(250, db.select(Author.class).count());
        db.clearCache();
        assertEquals("Author 17", db.get(Author.class, authors.get(17).id).name);
    }

    @Test
    void saveAllInsertsInBatchesRatherThanOneStatementPerRow(Database db, StatementLog log) {
        library(db);
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            authors.add(new Author("Author " + i));
        }
        log.clear();

        db.saveAll(authors);

        assertTrue(log.matching("INSERT").size() < 100, () -> log.matching("INSERT").size() + " inserts");
    }

    @Test
    void saveAllOfBooksWithNewAuthorsInsertsTheAuthorsTogetherThenTheBooks(Database db, StatementLog log) {
        library(db);
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            books.add(new Book("Book " + i, new Author("Author " + i)));
        }
        log.clear();

        db.saveAll(books);

        List<String> inserts = log.matching("INSERT");
        assertTrue(inserts.size() <= 10, () -> inserts.size() + " inserts, not 600: " + inserts);
        int firstBook = 0;
        while (!inserts.get(firstBook).contains("books")) {
            firstBook++;
        }
        assertTrue(firstBook > 0 && inserts.subList(firstBook, inserts.size()).stream().allMatch(sql -> sql.contains("books")),
                inserts::toString);
        for (int i = 1; i < books.size(); i++) {
            assertTrue(books.get(i).id > books.get(i - 1).id, "books keep the order given");
            assertTrue(books.get(i).author.id > books.get(i - 1).author.id, "authors keep the order given");
        }
        db.clearCache();
        for (Book book : List.of(books.get(0), books.get(150), books.get(299))) {
            Book loaded = db.get(Book.class, book.id);
            assertEquals(book.title, loaded.title);
            assertEquals(book.author.id, loaded.author.id);
            assertEquals(book.author.name, loaded.author.name);
        }
    }

    @Test
    void saveAllGivesIdsInTheOrderGivenWhenOnlySomeObjectsHaveNewTargets(Database db) {
        library(db);
        Author loaded = db.save(new Author("Loaded"));
        Book withNewAuthor = new Book("First", new Author("New"));
        Book withLoadedAuthor = new Book("Second", loaded);
        Book another = new Book("Third", new Author("Newer"));

        db.saveAll(List.of(withNewAuthor, withLoadedAuthor, another));

        assertTrue(withNewAuthor.id < withLoadedAuthor.id && withLoadedAuthor.id < another.id,
                () -> List.of(withNewAuthor.id, withLoadedAuthor.id, another.id).toString());
        assertTrue(withNewAuthor.author.id < another.author.id);
    }

    @Test
    void saveAllOfNewBooksOfLoadedAuthorsInsertsTheBooksTogether(Database db, StatementLog log) {
        library(db);
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            authors.add(new Author("Author " + i));
        }
        db.saveAll(authors);
        List<Book> books = new ArrayList<>();
        for (Author author : authors) {
            books.add(new Book("Book of " + author.name, author));
        }
        authors.get(7).name = "Renamed"; // one author to update: the books on either side of it still batch
        log.clear();

        db.saveAll(books);

        List<String> inserts = log.matching("INSERT");
        assertTrue(inserts.size() <= 6, () -> inserts.size() + " inserts, not 300: " + inserts);
        assertEquals(1, log.matching("UPDATE").size(), log::toString);
        for (int i = 1; i < books.size(); i++) {
            assertTrue(books.get(i).id > books.get(i - 1).id, "books keep the order given");
        }
        db.clearCache();
        assertEquals("Book of Author 299", db.get(Book.class, books.get(299).id).title);
        assertEquals(300, db.select(Book.class).filter("author__name__startswith", "Author").count()
                + db.select(Book.class).filter("author__name", "Renamed").count());
    }

    @Test
    void loadedObjectsANewGraphReachesDoNotSplitItsBatches(Database db, StatementLog log) {
        db.createTables(Country.class, Press.class, Writer.class, Novel.class);
        List<Press> presses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            presses.add(new Press("Press " + i, null));
        }
        db.saveAll(presses);
        List<Novel> novels = new ArrayList<>();
        for (Press press : presses) { // each new writer reaches a loaded press of its own
            novels.add(new Novel("Novel of " + press.name, 100, null, new Writer("Writer of " + press.name, press)));
        }
        log.clear();

        db.saveAll(novels);

        List<String> inserts = log.matching("INSERT");
        assertTrue(inserts.size() <= 6 && inserts.get(0).contains("writer") && inserts.get(5).contains("novel"),
                () -> inserts.size() + " inserts, not 200: " + inserts);
        db.clearCache();
        assertEquals("Press 99", db.get(Novel.class, novels.get(99).id).writer.press.name);
    }

    @Test
    void aLoadedObjectBetweenNewOnesIsWrittenInItsPlace(Database db) {
        library(db);
        Author loaded = db.save(new Author("Loaded"));
        Book first = new Book("First", new Author("New one"));
        Book second = new Book("Second", loaded);
        loaded.name = "Renamed";
        Book third = new Book("Third", new Author("New two"));

        db.saveAll(List.of(first, loaded, second, third));

        db.clearCache();
        assertEquals("Renamed", db.get(Author.class, loaded.id).name);
        assertEquals("New one", db.get(Book.class, first.id).author.name);
        assertEquals(loaded.id, db.get(Book.class, second.id).author.id);
        assertEquals("New two", db.get(Book.class, third.id).author.name);
        assertTrue(first.id < second.id && second.id < third.id, "books keep the order given");
    }

    @Test
    void saveAllOfNewAndLoadedObjectsInsertsAndUpdates(Database db) {
        library(db);
        Author existing = db.save(new Author("Old"));
        existing.name = "Renamed";
        Author fresh = new Author("New");

        db.saveAll(List.of(existing, fresh));
        db.clearCache();

        assertEquals("Renamed", db.get(Author.class, existing.id).name);
        assertEquals("New", db.get(Author.class, fresh.id).name);
        assertEquals(2, db.select(Author.class).count());
    }

    @Test
    void saveAllSavesNewTargetsOfRelationsFirst(Database db) {
        library(db);
        Author author = new Author("Ursula");

        db.saveAll(List.of(new Book("One", author), new Book("Two", author)));

        assertTrue(author.id > 0);
        assertEquals(1, db.select(Author.class).count());
        assertEquals(2, db.select(Book.class).filter("author", author.id).count());
    }

    @Test
    void anEntityWhoseOnlyColumnIsItsIdIsInsertedAloneAndInBatches(Database db) {
        db.createTables(Token.class);
        Token one = db.save(new Token());
        List<Token> more = List.of(new Token(), new Token(), new Token());
        db.saveAll(more);

        assertEquals(1, one.id);
        assertEquals(List.of(2L, 3L, 4L), more.stream().map(t -> t.id).toList());
        assertEquals(4, db.select(Token.class).count());
        assertSame(more.get(2), db.get(Token.class, 4L));
    }
}
