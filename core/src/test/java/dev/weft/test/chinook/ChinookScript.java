package dev.weft.test.chinook;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Chinook sample database from {@code ../shared/datasets/chinook/}, loaded into a file. The dataset
 * sits beside the checkout in CI and on developer machines, but not in a plain clone: tests that need it
 * are skipped, saying so, when it is absent.
 */
public final class ChinookScript {

    private static final String SCRIPT = "shared/datasets/chinook/Chinook_Sqlite_AutoIncrementPKs.sql";

    private ChinookScript() {
    }

    /** Loads Chinook into {@code file}, or skips the calling test when the dataset is not there. */
    public static void loadInto(Path file) {
        Path script = locate();
        Assumptions.assumeTrue(script != null, "Chinook dataset not found (looked for ../" + SCRIPT
                + " above the working directory): skipping the tests on real data.");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // The driver hands a statement without parameters to sqlite3_exec, which runs every statement of the script.
            statement.executeUpdate(Files.readString(script, StandardCharsets.UTF_8));
            connection.commit();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("loading Chinook from " + script + " failed: " + e.getMessage(), e);
        }
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling(SCRIPT);
            if (dir.getParent() != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
