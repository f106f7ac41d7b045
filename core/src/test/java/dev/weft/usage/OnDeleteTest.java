package dev.weft.usage;

import dev.weft.Database;
import dev.weft.RestrictViolationException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Magazine;
import dev.weft.test.model.Player;
import dev.weft.test.model.Publisher;
import dev.weft.test.model.Review;
import dev.weft.test.model.Team;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting a referenced row honours the key's onDelete: RESTRICT refuses, SET_NULL nulls, CASCADE deletes. */
@ExtendWith(WeftDatabaseExtension.class)
class OnDeleteTest {

    private Path file;

    @BeforeEach
    void createTables(@OnFile Database db, Databases databases) {
        db.createTables(Publisher.class, Magazine.class, Team.class, Player.class, Author.class, Book.class,
                Category.class, Review.class);
        file = databases.pathOf(db);
    }

    // ---- RESTRICT ----------------------------------------------------------------------------

    /** Publishers #1 and #2 have no magazines; #3 has two. */
    private static Publisher restrictedPublisher(Database db) {
        db.save(new Publisher("First"));
        db.save(new Publisher("Second"));
        Publisher third = db.save(new Publisher("Third"));
        db.saveAll(List.of(new Magazine("Monthly", third), new Magazine("Weekly", third)));
        return third;
    }

    @Test
    void deleteRestrictedPublisherThrowsNamingTheReferencingRows(@OnFile Database db) {
        Publisher publisher = restrictedPublisher(db);
        assertEquals(3, publisher.id);

        RestrictViolationException e = assertThrows(RestrictViolationException.class, () -> db.delete(publisher));

        String expected = "cannot delete Publisher#3: 2 Magazine rows reference it through Magazine.publisher "
                + "(onDelete = RESTRICT)";
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "' but was '" + e.getMessage() + "'");
    }

    @Test
    void deleteRestrictedPublisherLeavesEverythingUntouched(@OnFile Database db) {
        Publisher publisher = restrictedPublisher(db);

        assertThrows(RestrictViolationException.class, () -> db.delete(publisher));

        assertEquals(3, Sqlite.count(file, "publisher"));
        assertEquals(2, Sqlite.count(file, "magazine"));
        assertSame(publisher, db.get(Publisher.class, publisher.id));
        assertEquals(3, publisher.id);
    }

    @Test
    void deleteRestrictedPublisherSucceedsOnceItsMagazinesAreGone(@OnFile Database db) {
        Publisher publisher = restrictedPublisher(db);
        assertThrows(RestrictViolationException.class, () -> db.delete(publisher));

        db.select(Magazine.class).filter("publisher", publisher).delete();
        db.delete(publisher);

        assertEquals(2, Sqlite.count(file, "publisher"));
    }

    @Test
    void deleteUnreferencedPublisherSucceeds(@OnFile Database db) {
        restrictedPublisher(db);

        db.delete(db.get(Publisher.class, 1L));

        assertEquals(2, Sqlite.count(file, "publisher"));
    }

    @Test
    void queryDeleteOfARestrictedRowDeletesNothingAtAll(@OnFile Database db) {
        restrictedPublisher(db);

        assertThrows(RestrictViolationException.class, () -> db.select(Publisher.class).delete());

        assertEquals(3, Sqlite.count(file, "publisher"), "not even the unreferenced publishers");
        assertEquals(2, Sqlite.count(file, "magazine"));
    }

    @Test
    void queryDeleteOfARestrictedRowNamesIt(@OnFile Database db) {
        restrictedPublisher(db);

        RestrictViolationException e = assertThrows(RestrictViolationException.class,
                () -> db.select(Publisher.class).filter("name", "Third").delete());

        assertTrue(e.getMessage().contains("Publisher#3"), e.getMessage());
        assertTrue(e.getMessage().contains("Magazine.publisher"), e.getMessage());
    }

    // ---- SET_NULL ----------------------------------------------------------------------------

    @Test
    void deleteTeamSetsItsPlayersKeyToNullInTheDatabase(@OnFile Database db) {
        Team team = db.save(new Team("Reds"));
        Player player = db.save(new Player("Ann", team));

        db.delete(team);

        assertEquals(1, Sqlite.count(file, "player"));
        assertNull(Sqlite.scalar(file, "SELECT team_id FROM player WHERE id = ?", player.id));
        assertEquals(0, Sqlite.count(file, "team"));
    }

    @Test
    void deleteTeamNullsTheLoadedPlayersField(@OnFile Database db) {
        Team team = db.save(new Team("Reds"));
        Player player = db.save(new Player("Ann", team));

        db.delete(team);

        assertNull(player.team);
    }

    @Test
    void deleteTeamLeavesPlayersOfOtherTeams(@OnFile Database db) {
        Team reds = db.save(new Team("Reds"));
        Team blues = db.save(new Team("Blues"));
        Player ann = db.save(new Player("Ann", reds));
        Player bob = db.save(new Player("Bob", blues));

        db.delete(reds);

        assertSame(blues, bob.team);
        assertEquals(blues.id, ((Number) Sqlite.scalar(file, "SELECT team_id FROM player WHERE id = ?", bob.id)).longValue());
        assertNull(ann.team);
    }

    @Test
    void playersLoadedAfterTheirTeamWasDeletedHaveNoTeam(@OnFile Database db) {
        Team team = db.save(new Team("Reds"));
        Player player = db.save(new Player("Ann", team));
        db.delete(team);
        db.clearCache();

        assertNull(db.get(Player.class, player.id).team);
    }

    // ---- CASCADE -----------------------------------------------------------------------------

    @Test
    void deleteAuthorDeletesTheirBooks(@OnFile Database db) {
        Author ursula = db.save(new Author("Ursula"));
        Author iain = db.save(new Author("Iain"));
        db.saveAll(List.of(new Book("One", ursula), new Book("Two", ursula), new Book("Three", iain)));

        db.delete(ursula);

        assertEquals(1, Sqlite.count(file, "books"));
        assertEquals("Three", Sqlite.scalar(file, "SELECT title FROM books"));
    }

    @Test
    void cascadeReachesTheReviewsOfTheDeletedBooks(@OnFile Database db) {
        Author ursula = db.save(new Author("Ursula"));
        Book book = db.save(new Book("One", ursula));
        db.saveAll(List.of(new Review(book, 5, "Ann"), new Review(book, 4, "Bob")));

        db.delete(ursula);

        assertEquals(0, Sqlite.count(file, "books"));
        assertEquals(0, Sqlite.count(file, "review"));
    }

    @Test
    void cascadeDeletedBooksLeaveTheIdentityMap(@OnFile Database db) {
        Author ursula = db.save(new Author("Ursula"));
        Book book = db.save(new Book("One", ursula));

        db.delete(ursula);

        assertTrue(db.find(Book.class, book.id).isEmpty());
        assertTrue(db.select(Book.class).fetchAll().isEmpty());
    }

    @Test
    void queryDeleteCascadedBooksLeaveTheIdentityMap(@OnFile Database db) {
        Author ursula = db.save(new Author("Ursula"));
        Book book = db.save(new Book("One", ursula));

        db.select(Author.class).filter("name", "Ursula").delete();

        assertTrue(db.find(Book.class, book.id).isEmpty());
        assertTrue(db.find(Author.class, ursula.id).isEmpty());
    }

    @Test
    void queryDeleteCountsOnlyRowsOfItsOwnEntity(@OnFile Database db) {
        Author ursula = db.save(new Author("Ursula"));
        db.saveAll(List.of(new Book("One", ursula), new Book("Two", ursula)));

        assertEquals(1, db.select(Author.class).filter("name", "Ursula").delete());

        assertEquals(0, Sqlite.count(file, "books"));
    }

    @Test
    void deleteOfABookWithoutReviewsLeavesItsAuthor(@OnFile Database db) {
        Author ursula = db.save(new Author("Ursula"));
        Book book = db.save(new Book("One", ursula));

        db.delete(book);

        assertEquals(1, Sqlite.count(file, "author"));
        assertEquals(0, Sqlite.count(file, "books"));
    }
}
