package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The SQLite file settings every contender runs on: WAL, {@code synchronous=NORMAL}, foreign keys on, a
 * 3-second busy timeout. Weft sets these itself; the others get them as driver settings in the URL, which
 * sqlite-jdbc applies to every connection it opens, before any transaction.
 */
public final class SqliteFile {

    private SqliteFile() {
    }

    /** The JDBC URL of {@code file} with the common settings. */
    public static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&busy_timeout=3000";
    }

    /** A new empty folder for one trial's database. */
    public static Path newFolder() {
        try {
            return Files.createTempDirectory("weft-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the folder and the database files in it (main file, WAL, shared memory). */
    public static void deleteFolder(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
