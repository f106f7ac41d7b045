package dev.weft.usage;

import dev.weft.Database;
import dev.weft.NotFoundException;
import dev.weft.UniqueViolationException;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consecutive updates of the same columns of one entity go to SQLite as one JDBC batch. What a save promises does
 * not change with it: rows are written in the save's order, a failure names the object whose row failed and leaves
 * the database and the objects as they were, and the statement listener sees every UPDATE.
 */
@ExtendWith(WeftDatabaseExtension.class)
class BatchedUpdatesTest {

    private Path file;
    private List<Account> accounts;

    @BeforeEach
    void tenAccounts(@OnFile Database db, Databases databases, StatementLog log) {
        db.createTables(Account.class);
        file = databases.pathOf(db);
        accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accounts.add(new Account("user" + i, null, "User " + i));
        }
        db.saveAll(accounts);
        log.clear();
    }

    private long renamedRows() {
        return ((Number) Sqlite.scalar(file, "SELECT count(*) FROM account WHERE login_name LIKE '%-renamed'"))
                .longValue();
    }

    @Test
    void everyUpdateOfABatchIsAnnouncedToTheListener(@OnFile Database db, StatementLog log) {
        accounts.forEach(a -> a.login += "-renamed");

        db.saveAll(accounts);

        assertEquals(10, log.matching("UPDATE").size(), () -> String.valueOf(log.all()));
        assertEquals(10, renamedRows());
    }

    @Test
    void aSaveThatFailsWithUpdatesBatchedLeavesNoneForTheNextSave(@OnFile Database db) {
        Account first = accounts.get(0);
        Account second = accounts.get(1);
        first.login = "first-renamed";  // batched,
        second.login = "second-renamed";
        second.id = 999;                // then refused before it is sent
        assertThrows(WeftException.class, () -> db.saveAll(List.of(first, second)));
        first.login = "user0";

        Account third = accounts.get(2);
        third.login = "third-renamed";
        db.save(third);                 // the same UPDATE statement, kept

        assertEquals("user0", Sqlite.scalar(file, "SELECT login_name FROM account WHERE id = ?", first.id));
        assertEquals(1, renamedRows());
    }

    @Test
    void updatesOfOtherColumnsKeepTheSavesOrder(@OnFile Database db, StatementLog log) {
        Account first = accounts.get(0);
        Account second = accounts.get(1);
        Account third = accounts.get(2);
        first.login = "first-renamed";
        second.loginCount = 5;
        third.login = "third-renamed";

        db.saveAll(List.of(first, second, third));

        List<String> updates = log.matching("UPDATE");
        assertEquals(3, updates.size(), () -> String.valueOf(log.all()));
        assertTrue(updates.get(0).contains("login_name") && updates.get(1).contains("login_count")
                && updates.get(2).contains("login_name"), updates::toString);
        assertEquals(2, renamedRows());
    }

    @Test
    void anUpdateWaitingInABatchIsWrittenBeforeTheInsertThatFollowsIt(@OnFile Database db) {
        Account user0 = accounts.get(0);
        user0.login = "user0-renamed";
        Account newcomer = new Account("user0", null, "Newcomer"); // takes the name the update frees

        db.saveAll(List.of(user0, newcomer));

        assertEquals(11, Sqlite.count(file, "account"));
        assertEquals("Newcomer", Sqlite.scalar(file, "SELECT display_name FROM account WHERE login_name = 'user0'"));
    }

    @Test
    void aFailingUpdateInABatchIsNamedAndNothingIsWritten(@OnFile Database db) {
        accounts.forEach(a -> a.login += "-renamed");
        Account clash = accounts.get(6);
        clash.login = "user0-renamed"; // the first account's new name

        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> db.saveAll(accounts));

        assertTrue(e.getMessage().startsWith("cannot update Account#" + clash.id + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("user0-renamed"), e.getMessage());
        assertEquals(0, renamedRows());
        assertEquals("user0-renamed", clash.login);
    }

    @Test
    void aBatchRetriedAfterTheFixWritesEveryChange(@OnFile Database db) {
        accounts.forEach(a -> a.login += "-renamed");
        Account clash = accounts.get(6);
        clash.login = "user0-renamed";
        assertThrows(UniqueViolationException.class, () -> db.saveAll(accounts));

        clash.login = "user6-renamed";
        db.saveAll(accounts);

        assertEquals(10, renamedRows());
    }

    @Test
    void aRowDeletedElsewhereFailsTheBatchNamingItsObject(@OnFile Database db) {
        accounts.forEach(a -> a.login += "-renamed");
        Account gone = accounts.get(3);
        Sqlite.execute(file, "DELETE FROM account WHERE id = " + gone.id);

        NotFoundException e = assertThrows(NotFoundException.class, () -> db.saveAll(accounts));

        assertTrue(e.getMessage().startsWith("cannot update Account#" + gone.id + ": its row no longer exists"),
                e.getMessage());
        assertEquals(0, renamedRows());
    }
}
