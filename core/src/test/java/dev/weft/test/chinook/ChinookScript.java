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
import java.util.ArrayList;
import java.util.List;

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
            for (String sql : statements(Files.readString(script, StandardCharsets.UTF_8))) {
                statement.executeUpdate(sql);
            }
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

    /** The script's statements: split at semicolons outside quoted text, comments dropped. */
    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (!quoted && c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
                i = script.indexOf("*/", i + 2) + 1;
                continue;
            }
            if (!quoted && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
                continue;
            }
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
