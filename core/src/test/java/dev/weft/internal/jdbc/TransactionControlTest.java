package dev.weft.internal.jdbc;

import dev.weft.internal.dialect.ConnectionSettings;
import dev.weft.internal.dialect.SqliteDialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Transaction control statements are prepared once per connection and run again: a transaction that could not
 * begin, or a savepoint rolled back, leaves them able to run the next time.
 */
class TransactionControlTest {

    @TempDir
    Path folder;

    private final List<String> sent = new ArrayList<>();

    private Connector open(Path file) {
        return new Connector(new SqliteDialect(), new ConnectionSettings(file, 50), sent::add);
    }

    private static void create(Connector connector, String... tables) {
        connector.withConnection(() -> {
            for (String table : tables) {
                connector.execute(table);
            }
            return null;
        });
    }

    private static long count(Connector connector) {
        return connector.withConnection(() -> {
            try (ResultSet rows = connector.prepare("SELECT COUNT(*) FROM t").executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static Void insert(Connector connector) throws SQLException {
        connector.prepare("INSERT INTO t DEFAULT VALUES").executeUpdate();
        return null;
    }

    @Test
    void aTransactionThatCouldNotBeginLeavesTheNextAbleTo() throws Exception {
        Path file = folder.resolve("busy.db");
        try (Connector connector = open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            create(connector, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
            connector.transaction(() -> insert(connector));
            try (Statement statement = other.createStatement()) {
                statement.execute("BEGIN IMMEDIATE"); // holds the write lock past the busy timeout
                assertThrows(SqlFailure.class, () -> connector.transaction(() -> insert(connector)));
                statement.execute("COMMIT");
            }

            for (int i = 0; i < 3; i++) {
                connector.transaction(() -> insert(connector));
            }

            assertEquals(4, count(connector));
            assertEquals(5, sent.stream().filter("BEGIN IMMEDIATE"::equals).count());
            assertEquals(4, sent.stream().filter("COMMIT"::equals).count());
        }
    }

    @Test
    void aCommitThatFailsRollsBackAndTheNextCommits() {
        try (Connector connector = open(null)) {
            create(connector, "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                    "CREATE TABLE t (id INTEGER PRIMARY KEY, parent_id REFERENCES parent (id) "
                            + "DEFERRABLE INITIALLY DEFERRED)");

            assertThrows(SqlFailure.class, () -> connector.transaction(() -> // checked at COMMIT
                    connector.prepare("INSERT INTO t (parent_id) VALUES (99)").executeUpdate()));
            connector.transaction(() -> insert(connector));

            assertEquals(1, count(connector));
        }
    }

    @Test
    void aControlStatementTheDriverFinalizedIsPreparedAgain() {
        try (Connector connector = open(null)) {
            create(connector, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
            connector.transaction(() -> insert(connector));
            // The work ends the transaction itself: Weft's COMMIT then fails with an error on which the driver
            // finalizes the statement.
            assertThrows(SqlFailure.class, () -> connector.transaction(() -> {
                insert(connector);
                connector.execute("COMMIT");
                return null;
            }));

            connector.transaction(() -> insert(connector));

            assertEquals(3, count(connector));
        }
    }

    @Test
    void aSavepointThatCannotBeMadePutsMemoryBack() {
        try (Connector connector = new Connector(new SqliteDialect(), new ConnectionSettings(null, 50), sql -> {
            if (sql.startsWith("SAVEPOINT")) {
                throw new IllegalStateException("the listener refuses " + sql);
            }
        })) {
            List<String> reverted = new ArrayList<>();
            connector.transaction(() -> {
                for (int i = 0; i < 2; i++) {
                    assertThrows(IllegalStateException.class,
                            () -> connector.atomically(() -> null, () -> reverted.add("put back")));
                }
                return null;
            });

            assertEquals(List.of("put back", "put back"), reverted);
        }
    }

    @Test
    void savepointsRolledBackAndReleasedRunAgain() {
        try (Connector connector = open(null)) {
            create(connector, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
            connector.transaction(() -> {
                for (int i = 0; i < 3; i++) {
                    assertThrows(IllegalStateException.class, () -> connector.atomically(() -> {
                        insert(connector);
                        throw new IllegalStateException("undone");
                    }, () -> { }));
                    connector.atomically(() -> insert(connector), () -> { });
                }
                return null;
            });

            assertEquals(3, count(connector));
            assertEquals(3, sent.stream().filter("ROLLBACK TO weft_1"::equals).count());
            assertEquals(6, sent.stream().filter("RELEASE weft_1"::equals).count());
        }
    }
}
