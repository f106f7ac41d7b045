package dev.weft.internal.jdbc;

import dev.weft.internal.dialect.ConnectionSettings;
import dev.weft.internal.dialect.SqliteDialect;
import dev.weft.internal.types.TextReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection reads text its fastest way where that gives the same strings: through the bytes where the database
 * keeps text as UTF-8, through {@code getString} where it keeps UTF-16. Text reads the same either way (the
 * column-type tests); what this guards is the choice, which only the time of a read would otherwise show.
 */
class TextReadingTest {

    @TempDir
    Path folder;

    private final List<String> sent = new ArrayList<>();

    private Connector open(Path file) {
        return new Connector(new SqliteDialect(), new ConnectionSettings(file, 50), sent::add);
    }

    @Test
    void aUtf8DatabaseIsReadThroughItsBytes() {
        try (Connector inMemory = open(null); Connector onFile = open(folder.resolve("utf8.db"))) {
            assertNotSame(TextReader.STANDARD, inMemory.textReader());
            assertNotSame(TextReader.STANDARD, onFile.textReader());
        }
    }

    @Test
    void aUtf16DatabaseIsReadThroughGetString() throws Exception {
        Path file = folder.resolve("utf16.db");
        try (Connection made = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = made.createStatement()) {
            statement.execute("PRAGMA encoding = 'UTF-16le'");
            statement.execute("CREATE TABLE t (x TEXT)");
        }

        try (Connector connector = open(file)) {
            assertSame(TextReader.STANDARD, connector.textReader());
        }
    }

    @Test
    void theStatementListenerSeesTheQueryThatDecides() {
        try (Connector connector = open(null)) {
            assertTrue(sent.contains("PRAGMA encoding"), sent.toString());
        }
    }
}
