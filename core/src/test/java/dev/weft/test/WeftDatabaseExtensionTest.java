package dev.weft.test;

import dev.weft.Database;
import dev.weft.test.model.Team;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test extension itself: which database each parameter gets, and what the log records. */
@ExtendWith(WeftDatabaseExtension.class)
class WeftDatabaseExtensionTest {

    private Database fromBeforeEach;

    @BeforeEach
    void remember(Database db) {
        fromBeforeEach = db;
    }

    @Test
    void beforeEachAndTheTestShareTheirFirstDatabase(Database db) {
        assertSame(fromBeforeEach, db);
    }

    @Test
    void twoParametersAreTwoDatabases(Database first, Database second) {
        assertNotSame(first, second);
    }

    @Test
    void eachTestStartsEmpty(Database db) {
        db.createTables(Team.class);

        assertEquals(0, db.select(Team.class).count());
        db.save(new Team("only in this test"));
    }

    @Test
    void fileDatabaseLivesInTheTemporaryDirectory(@OnFile Database db, Databases databases) {
        db.createTables(Team.class);

        assertTrue(Files.exists(databases.pathOf(db)));
    }

    @Test
    void theLogRecordsWhatTheDatabaseSends(Database db, StatementLog log) {
        db.createTables(Team.class);
        log.clear();

        db.save(new Team("Reds"));

        assertEquals(1, log.matching("insert").size(), log::toString);
        assertTrue(log.count() >= 1);
        log.clear();
        assertEquals(0, log.count());
    }
}
