package dev.weft.internal.dialect;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures leave a prepared statement usable, as the driver answers them. */
class StatementUsabilityTest {

    private final SqliteDialect dialect = new SqliteDialect();

    @Test
    void aViolatedConstraintLeavesTheStatementUsable() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement setup = connection.createStatement()) {
            setup.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO t (name) VALUES (?)");
            insert.setString(1, "a");
            insert.executeUpdate();

            assertThrows(SQLException.class, insert::executeUpdate);

            assertTrue(dialect.isUsable(insert));
            insert.setString(1, "b");
            assertEquals(1, insert.executeUpdate());
        }
    }

    @Test
    void aTableGoneFinalizesTheStatementForGood() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement setup = connection.createStatement()) {
            setup.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            PreparedStatement select = connection.prepareStatement("SELECT id FROM t");
            assertTrue(dialect.isUsable(select));
            setup.execute("DROP TABLE t");

            assertThrows(SQLException.class, select::executeQuery);

            assertFalse(dialect.isUsable(select));
            assertFalse(select.isClosed(), "JDBC does not tell: the reason for asking the dialect");
            setup.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            assertThrows(SQLException.class, select::executeQuery);
        }
    }
}
