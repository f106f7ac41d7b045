package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The Chinook sample database, read from {@code ../shared/datasets/chinook/} beside the checkout. It is not
 * part of the project: where it is absent the Chinook workloads are skipped, saying so.
 */
public final class Chinook {

    /** System property that names the script explicitly; {@link Main} passes it on to the forked JVMs. */
    public static final String PROPERTY = "weft.bench.chinook";

    static final String SCRIPT = "shared/datasets/chinook/Chinook_Sqlite_AutoIncrementPKs.sql";

    private Chinook() {
    }

    /**
     * The script: the system property if set, else {@code ../shared/...} next to the working directory or any
     * folder above it (the repository root, a worktree, {@code benchmarks/}), else next to the folders above
     * the jar this class was loaded from.
     */
    public static Optional<Path> locate() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            return Files.isRegularFile(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
        }
        Optional<Path> found = searchUpwards(Path.of("").toAbsolutePath());
        if (found.isPresent()) {
            return found;
        }
        try {
            Path jar = Path.of(Chinook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return searchUpwards(jar.toAbsolutePath());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> searchUpwards(Path start) {
        for (Path dir = start; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path sibling = dir.resolveSibling(SCRIPT);
            if (Files.isRegularFile(sibling)) {
                return Optional.of(sibling.normalize());
            }
        }
        return Optional.empty();
    }

    /** The message printed when the dataset is not there. */
    public static String absentMessage() {
        return "Chinook dataset not found (looked for ../" + SCRIPT + " beside the working directory and the folders"
                + " above it; set -D" + PROPERTY + "=/path/to/Chinook_Sqlite_AutoIncrementPKs.sql to name it):"
                + " skipping the Chinook workloads.";
    }

    /** Loads the Chinook schema and rows into the SQLite file {@code file}. */
    public static void loadInto(Path file) {
        Path script = locate().orElseThrow(() -> new IllegalStateException(absentMessage()));
        try (Connection connection = DriverManager.getConnection(SqliteFile.url(file));
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // The driver hands a statement without parameters to sqlite3_exec, which runs every statement of the script.
            statement.executeUpdate(Files.readString(script, StandardCharsets.UTF_8));
            connection.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + script, e);
        } catch (SQLException e) {
            throw new IllegalStateException("loading Chinook from " + script + " failed: " + e.getMessage(), e);
        }
    }
}
