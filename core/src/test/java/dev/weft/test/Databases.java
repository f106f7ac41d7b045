package dev.weft.test;

import dev.weft.Database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases of one test, opened with the test's {@link StatementLog} and closed after the test by
 * {@link WeftDatabaseExtension}. File databases live in a temporary directory deleted after the test.
 */
public final class Databases {

    private final Path directory;
    private final StatementLog log;
    private final List<Database> open = new ArrayList<>();
    private final Map<Database, Path> files = new IdentityHashMap<>();
    private final List<Database> testMemory = new ArrayList<>();
    private final List<Database> testFiles = new ArrayList<>();

    Databases(Path directory, StatementLog log) {
        this.directory = directory;
        this.log = log;
    }

    /** The test's n-th in-memory database (from 0), opened on first use. */
    synchronized Database testMemory(int ordinal) {
        while (testMemory.size() <= ordinal) {
            testMemory.add(inMemory());
        }
        return testMemory.get(ordinal);
    }

    /** The test's n-th file database (from 0), opened on first use. */
    synchronized Database testFile(int ordinal) {
        while (testFiles.size() <= ordinal) {
            testFiles.add(onFile("test-" + testFiles.size() + ".db"));
        }
        return testFiles.get(ordinal);
    }

    /** A fresh private in-memory database. */
    public synchronized Database inMemory() {
        return track(Database.builder().inMemory().onStatement(log).build(), null);
    }

    /** A path in the test's temporary directory; nothing is created. */
    public Path path(String fileName) {
        return directory.resolve(fileName);
    }

    /** A database on the file of that name in the test's temporary directory, created if missing. */
    public Database onFile(String fileName) {
        return open(path(fileName));
    }

    /** A database on {@code file}. */
    public synchronized Database open(Path file) {
        return track(Database.builder().path(file).onStatement(log).build(), file);
    }

    /** Closes {@code db} (a file database from here) and opens its file again. */
    public synchronized Database reopen(Database db) {
        Path file = pathOf(db);
        close(db);
        return open(file);
    }

    /** Closes {@code db} now rather than after the test. */
    public synchronized void close(Database db) {
        if (open.removeIf(each -> each == db)) {
            db.close();
        }
    }

    /** The file of a database opened here on a file. */
    public synchronized Path pathOf(Database db) {
        Path file = files.get(db);
        if (file == null) {
            throw new IllegalArgumentException("not a file database opened by this test: " + db);
        }
        return file;
    }

    /** The log every database of this test reports its statements to. */
    public StatementLog log() {
        return log;
    }

    synchronized void closeAll() {
        RuntimeException failure = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private Database track(Database db, Path file) {
        open.add(db);
        if (file != null) {
            files.put(db, file);
        }
        return db;
    }
}
