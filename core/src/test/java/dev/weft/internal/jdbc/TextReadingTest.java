package dev.weft.internal.jdbc;

import dev.weft.Database;
import dev.weft.internal.dialect.ConnectionSettings;
import dev.weft.internal.dialect.SqliteDialect;
import dev.weft.internal.types.TextReader;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection reads text its fastest way where that gives the same strings: through the bytes where the database
 * keeps text as UTF-8, through {@code getString} where it keeps UTF-16 or cannot tell yet. Text reads the same
 * either way (the column-type tests); what this guards is the choice, which only the time of a read would otherwise
 * show.
 */
class TextReadingTest {

    @TempDir
    Path folder;

    private final List<String> sent = new ArrayList<>();

    private Connector open(Path file) {
        return new Connector(new SqliteDialect(), new ConnectionSettings(file, 50), sent::add);
    }

    @Test
    void aUtf8DatabaseIsReadThroughItsBytes() throws Exception {
        Path file = folder.resolve("utf8.db");
        try (Connection made = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = made.createStatement()) {
            statement.execute("CREATE TABLE t (x TEXT)");
        }

        try (Connector connector = open(file)) {
            assertNotSame(TextReader.STANDARD, connector.textReader());
        }
    }

    @Test
    void aUtf16DatabaseIsReadThroughGetString() throws Exception {
        Path file = folder.resolve("utf16.db");
        makeUtf16(file);

        try (Connector connector = open(file)) {
            assertSame(TextReader.STANDARD, connector.textReader());
        }
    }

    /** Until its first table a database may still be made UTF-16, by another connection: it cannot tell yet. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aDatabaseEmptyAtOpenIsReadThroughGetStringUntilItHasATable(boolean inMemory) {
        try (Connector connector = open(inMemory ? null : folder.resolve("new.db"))) {
            assertSame(TextReader.STANDARD, connector.textReader());

            connector.withConnection(() -> {
                connector.execute("CREATE TABLE t (x TEXT)");
                return null;
            });
            connector.settleTextReader();

            assertNotSame(TextReader.STANDARD, connector.textReader());
        }
    }

    @Test
    void aDatabaseEmptyAtOpenThatAnotherConnectionMakesUtf16IsReadThroughGetString() throws Exception {
        Path file = folder.resolve("late.db");
        try (Connector connector = open(file)) {
            makeUtf16(file);
            connector.settleTextReader();

            assertSame(TextReader.STANDARD, connector.textReader());
        }
    }

    @Test
    void theStatementListenerSeesTheQueryThatDecides() {
        try (Connector connector = open(null)) {
            assertTrue(sent.stream().anyMatch(sql -> sql.contains("pragma_encoding")), sent.toString());
        }
    }

    /**
     * A database created empty settles how it reads text when its entities' tables are made, asking once then and
     * never again.
     */
    @Test
    void aNewDatabaseDecidesOnceItsTablesAreMade() {
        List<String> log = new ArrayList<>();
        try (Database db = Database.builder().inMemory().onStatement(log::add).build()) {
            db.createTables(Author.class, Book.class, Category.class);
            db.register(Author.class);
            db.select(Author.class).fetchAll();

            assertEquals(2, log.stream().filter(sql -> sql.contains("pragma_encoding")).count(), log.toString());
        }
    }

    private static void makeUtf16(Path file) throws Exception {
        try (Connection made = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = made.createStatement()) {
            statement.execute("PRAGMA encoding = 'UTF-16le'");
            statement.execute("CREATE TABLE t (x TEXT)");
        }
    }
}
