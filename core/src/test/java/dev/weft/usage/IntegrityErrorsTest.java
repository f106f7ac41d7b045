package dev.weft.usage;

import dev.weft.Database;
import dev.weft.ForeignKeyViolationException;
import dev.weft.IntegrityException;
import dev.weft.NotNullViolationException;
import dev.weft.UniqueViolationException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Account;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Country;
import dev.weft.test.model.Player;
import dev.weft.test.model.Profile;
import dev.weft.test.model.Team;
import dev.weft.test.model.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saves the database refuses: the exception names entity, field and value; the file is unchanged
 * (checked with a separate JDBC connection); the objects keep their ids and changes, so a retry after
 * fixing the value succeeds.
 */
@ExtendWith(WeftDatabaseExtension.class)
class IntegrityErrorsTest {

    private Path file;

    @BeforeEach
    void createTables(@OnFile Database db, Databases databases) {
        db.createTables(Account.class, Author.class, Book.class, Category.class, User.class, Profile.class,
                Team.class, Player.class, Country.class);
        file = databases.pathOf(db);
    }

    private static void assertMentions(Exception e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(word),
                    "message lacks '" + word + "': " + e.getMessage());
        }
    }

    // ---- UNIQUE ------------------------------------------------------------------------------

    @Test
    void duplicateUniqueValueThrowsUniqueViolationNamingEntityFieldAndValue(@OnFile Database db) {
        db.save(new Account("ada", null, "Ada"));

        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> db.save(new Account("ada", null, "Another Ada")));

        assertMentions(e, "Account", "login", "ada");
    }

    @Test
    void failedInsertWritesNothingAndLeavesTheIdUnset(@OnFile Database db) {
        db.save(new Account("ada", null, "Ada"));
        Account duplicate = new Account("ada", null, "Another Ada");

        assertThrows(UniqueViolationException.class, () -> db.save(duplicate));

        assertEquals(1, Sqlite.count(file, "account"));
        assertEquals(0, duplicate.id);
        assertEquals("ada", duplicate.login);
    }

    @Test
    void insertRetriedAfterFixingTheValueSucceeds(@OnFile Database db) {
        db.save(new Account("ada", null, "Ada"));
        Account duplicate = new Account("ada", null, "Another Ada");
        assertThrows(UniqueViolationException.class, () -> db.save(duplicate));

        duplicate.login = "ada2";
        db.save(duplicate);

        assertTrue(duplicate.id > 0);
        assertEquals(2, Sqlite.count(file, "account"));
        assertEquals("Another Ada", Sqlite.scalar(file, "SELECT display_name FROM account WHERE login_name = 'ada2'"));
    }

    @Test
    void failedUpdateLeavesTheRowAndKeepsTheChangeInMemory(@OnFile Database db) {
        db.save(new Account("ada", null, "Ada"));
        Account bob = db.save(new Account("bob", null, "Bob"));

        bob.login = "ada";
        bob.loginCount = 7;
        assertThrows(UniqueViolationException.class, () -> db.save(bob));

        assertEquals("bob", Sqlite.scalar(file, "SELECT login_name FROM account WHERE id = ?", bob.id));
        assertEquals(0, ((Number) Sqlite.scalar(file, "SELECT login_count FROM account WHERE id = ?", bob.id)).intValue());
        assertEquals("ada", bob.login);
        assertEquals(7, bob.loginCount);
    }

    @Test
    void updateRetriedAfterFixingTheValueWritesEveryChange(@OnFile Database db) {
        db.save(new Account("ada", null, "Ada"));
        Account bob = db.save(new Account("bob", null, "Bob"));
        bob.login = "ada";
        bob.loginCount = 7;
        assertThrows(UniqueViolationException.class, () -> db.save(bob));

        bob.login = "robert";
        db.save(bob);

        assertEquals("robert", Sqlite.scalar(file, "SELECT login_name FROM account WHERE id = ?", bob.id));
        assertEquals(7, ((Number) Sqlite.scalar(file, "SELECT login_count FROM account WHERE id = ?", bob.id)).intValue());
    }

    @Test
    void secondNullInAUniqueColumnIsAllowed(@OnFile Database db) {
        db.save(new Account("ada", null, "Ada"));
        db.save(new Account("bob", null, "Bob"));

        assertEquals(2, Sqlite.count(file, "account"));
    }

    @Test
    void duplicateApplicationAssignedIdThrowsUniqueViolation(@OnFile Database db) {
        db.save(new Country("NO", "Norway"));

        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> db.save(new Country("NO", "Norge")));

        assertMentions(e, "Country", "NO");
        assertEquals("Norway", Sqlite.scalar(file, "SELECT name FROM country WHERE iso_code = 'NO'"));
    }

    @Test
    void secondProfileForOneUserThrowsUniqueViolation(@OnFile Database db) {
        User user = db.save(new User("ada"));
        db.save(new Profile(user, "first"));
        Profile second = new Profile(user, "second");

        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> db.save(second));

        assertMentions(e, "Profile", "user");
        assertEquals(1, Sqlite.count(file, "profile"));
        assertEquals(0, second.id);
    }

    // ---- NOT NULL ----------------------------------------------------------------------------

    @Test
    void nullInANotNullColumnThrowsNotNullViolationNamingEntityAndField(@OnFile Database db) {
        Account nameless = new Account("ada", null, null);

        NotNullViolationException e = assertThrows(NotNullViolationException.class, () -> db.save(nameless));

        assertMentions(e, "Account", "displayName");
        assertEquals(0, Sqlite.count(file, "account"));
        assertEquals(0, nameless.id);
    }

    @Test
    void nullForARequiredForeignKeyThrowsNotNullViolation(@OnFile Database db) {
        Book orphan = new Book("Orphan", null);

        NotNullViolationException e = assertThrows(NotNullViolationException.class, () -> db.save(orphan));

        assertMentions(e, "Book", "author");
        assertEquals(0, Sqlite.count(file, "books"));
        assertEquals(0, orphan.id);
    }

    @Test
    void settingANotNullFieldToNullOnUpdateIsRefused(@OnFile Database db) {
        Account ada = db.save(new Account("ada", null, "Ada"));

        ada.displayName = null;
        assertThrows(NotNullViolationException.class, () -> db.save(ada));

        assertEquals("Ada", Sqlite.scalar(file, "SELECT display_name FROM account WHERE id = ?", ada.id));
        assertNull(ada.displayName);
    }

    // ---- FOREIGN KEY -------------------------------------------------------------------------

    @Test
    void referenceToAMissingRowThrowsForeignKeyViolation(@OnFile Database db) {
        Book orphan = new Book("Orphan", db.reference(Author.class, 999L));

        ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class, () -> db.save(orphan));

        assertMentions(e, "Book", "author", "999");
        assertEquals(0, Sqlite.count(file, "books"));
        assertEquals(0, orphan.id);
    }

    @Test
    void foreignKeyInsertRetriedWithAnExistingTargetSucceeds(@OnFile Database db) {
        Book orphan = new Book("Orphan", db.reference(Author.class, 999L));
        assertThrows(ForeignKeyViolationException.class, () -> db.save(orphan));

        orphan.author = db.save(new Author("Found"));
        db.save(orphan);

        assertEquals(1, Sqlite.count(file, "books"));
        assertTrue(orphan.id > 0);
    }

    @Test
    void movingARowToAMissingTargetIsRefused(@OnFile Database db) {
        Author author = db.save(new Author("Ursula"));
        Book book = db.save(new Book("Kept", author));

        book.author = db.reference(Author.class, 999L);
        assertThrows(ForeignKeyViolationException.class, () -> db.save(book));

        assertEquals(author.id, ((Number) Sqlite.scalar(file, "SELECT author_id FROM books WHERE id = ?", book.id)).longValue());
    }

    // ---- bulk updates ------------------------------------------------------------------------

    @Test
    void aBulkUpdateToATakenValueSaysWhatMustDifferAndChangesNothing(@OnFile Database db) {
        Account ada = db.save(new Account("ada", "ada@example.org", "Ada"));
        db.save(new Account("bob", null, "Bob"));

        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> db.select(Account.class).update(java.util.Map.of("email", "same@example.org")));

        assertEquals("cannot update Account rows to Account.email = 'same@example.org': Account.email is unique "
                + "(UNIQUE); another row has that already, or this update would give it to several rows. Give each "
                + "row a value no other row has. Nothing was changed.", e.getMessage());
        assertEquals("ada@example.org", ada.email);
        assertEquals(1, db.select(Account.class).filter("email", "ada@example.org").count());
    }

    @Test
    void aBulkUpdateThatBreaksAUniqueCombinationNamesTheCombination(Databases databases) {
        Path custom = databases.path("unique-pair.db");
        Sqlite.execute(custom, "CREATE TABLE account (id INTEGER PRIMARY KEY, login_name TEXT NOT NULL UNIQUE, "
                + "email TEXT UNIQUE, display_name TEXT NOT NULL, login_count INTEGER NOT NULL, "
                + "UNIQUE (display_name, login_count))");
        Database db = databases.open(custom);
        db.register(Account.class);
        db.save(new Account("ada", null, "Ada"));
        db.save(new Account("bob", null, "Bob"));

        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> db.select(Account.class).filter("login", "bob").update(java.util.Map.of("displayName", "Ada")));

        assertEquals("cannot update Account rows to Account.displayName = 'Ada': the combination of "
                + "Account.displayName and Account.loginCount is unique (UNIQUE); another row has that already, or "
                + "this update would give it to several rows. Give each row a value no other row has. Nothing was "
                + "changed.", e.getMessage());
        assertEquals(1, db.select(Account.class).filter("displayName", "Bob").count());
    }

    @Test
    void aBulkUpdateToAMissingRowNamesItAsAnObject(@OnFile Database db) {
        Team team = db.save(new Team("Reds"));
        Player player = db.save(new Player("Ann", team));

        ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
                () -> db.select(Player.class).update(java.util.Map.of("team", 99L)));

        assertEquals("cannot update Player rows to Player.team = Team#99: Team#99 does not exist; save that Team "
                + "first or refer to an existing one. Nothing was changed.", e.getMessage());
        assertEquals(team, player.team);
        assertEquals(1, db.select(Player.class).filter("team", team).count());
    }

    @Test
    void aBulkUpdateToADeletedObjectIsRefusedBeforeItRuns(@OnFile Database db) {
        Team team = db.save(new Team("Reds"));
        Team gone = db.save(new Team("Gone"));
        Player player = db.save(new Player("Ann", team));
        db.delete(gone);

        dev.weft.QueryException e = assertThrows(dev.weft.QueryException.class,
                () -> db.select(Player.class).update(java.util.Map.of("team", gone)));

        assertEquals("update(...) on Player cannot set Player.team to Team#" + gone.id + ": it was deleted; set it "
                + "to another Team or to null.", e.getMessage());
        assertEquals(team, player.team);
    }

    // ---- failures half-way through a cascade or a batch --------------------------------------

    @Test
    void failedDependantRollsBackTheNewTargetSavedBeforeIt(@OnFile Database db) {
        Team team = new Team("Reds");
        Player player = new Player(null, team);

        assertThrows(NotNullViolationException.class, () -> db.save(player));

        assertEquals(0, Sqlite.count(file, "team"));
        assertEquals(0, Sqlite.count(file, "player"));
        assertEquals(0, team.id, "the team's id is unset again");
        assertEquals(0, player.id);
    }

    @Test
    void cascadeRetriedAfterFixingTheDependantSavesBoth(@OnFile Database db) {
        Team team = new Team("Reds");
        Player player = new Player(null, team);
        assertThrows(NotNullViolationException.class, () -> db.save(player));

        player.name = "Ann";
        db.save(player);

        assertEquals(1, Sqlite.count(file, "team"));
        assertEquals(1, Sqlite.count(file, "player"));
        assertEquals(team.id, ((Number) Sqlite.scalar(file, "SELECT team_id FROM player")).longValue());
    }

    @Test
    void saveAllThatFailsHalfWayWritesNothing(@OnFile Database db) {
        Account ada = new Account("ada", null, "Ada");
        Account bob = new Account("bob", null, "Bob");
        Account clash = new Account("ada", null, "Clash");

        assertThrows(UniqueViolationException.class, () -> db.saveAll(List.of(ada, bob, clash)));

        assertEquals(0, Sqlite.count(file, "account"));
        assertEquals(0, ada.id);
        assertEquals(0, bob.id);
        assertEquals(0, clash.id);
    }

    @Test
    void saveAllRetriedAfterFixingTheFailureSavesEverything(@OnFile Database db) {
        Account ada = new Account("ada", null, "Ada");
        Account bob = new Account("bob", null, "Bob");
        Account clash = new Account("ada", null, "Clash");
        assertThrows(UniqueViolationException.class, () -> db.saveAll(List.of(ada, bob, clash)));

        clash.login = "carol";
        db.saveAll(List.of(ada, bob, clash));

        assertEquals(3, Sqlite.count(file, "account"));
        assertTrue(ada.id > 0 && bob.id > 0 && clash.id > 0);
    }

    @Test
    void saveAllThatFailsKeepsEarlierUpdatesUnwritten(@OnFile Database db) {
        Account ada = db.save(new Account("ada", null, "Ada"));
        ada.displayName = "Countess";
        Account clash = new Account("ada", null, "Clash");

        assertThrows(UniqueViolationException.class, () -> db.saveAll(List.of(ada, clash)));

        assertEquals("Ada", Sqlite.scalar(file, "SELECT display_name FROM account WHERE id = ?", ada.id));
        assertEquals("Countess", ada.displayName);
    }

    @Test
    void failedSaveLeavesTheDatabaseUsable(@OnFile Database db) {
        assertThrows(NotNullViolationException.class, () -> db.save(new Account("ada", null, null)));

        db.save(new Account("ada", null, "Ada"));

        assertEquals(1, Sqlite.count(file, "account"));
    }

    @Test
    void failedInsertDoesNotEnterTheIdentityMap(@OnFile Database db) {
        Account good = db.save(new Account("ada", null, "Ada"));
        Account bad = new Account("ada", null, "Clash");
        assertThrows(UniqueViolationException.class, () -> db.save(bad));

        assertFalse(db.select(Account.class).fetchAll().contains(bad));
        assertEquals(List.of(good), db.select(Account.class).fetchAll());
    }

    @Test
    void integrityErrorsAreIntegrityExceptions(@OnFile Database db) {
        db.save(new Account("ada", null, "Ada"));

        IntegrityException e = assertThrows(IntegrityException.class, () -> db.save(new Account("ada", null, "Ada")));

        assertTrue(e instanceof UniqueViolationException);
    }
}
