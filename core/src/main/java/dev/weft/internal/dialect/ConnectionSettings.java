package dev.weft.internal.dialect;

import java.nio.file.Path;

/** Where a connection goes: a file, or (when {@code path} is null) a private in-memory database. */
public record ConnectionSettings(Path path, int busyTimeoutMillis) {

    public boolean inMemory() {
        return path == null;
    }
}
