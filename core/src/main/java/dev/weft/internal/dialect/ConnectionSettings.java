package dev.weft.internal.dialect;

import java.nio.file.Path;

/** Where a connection goes: a file, or (when {@code path} is null) a private in-memory database. */
public record ConnectionSettings(Path path, int busyTimeoutMillis) {

    public boolean inMemory() {
        return path == null;
    }

    /** The database as messages name it: its file, or that it lives in memory. */
    public String describe() {
        return inMemory() ? "an in-memory database" : "the database at " + path.toAbsolutePath();
    }
}
