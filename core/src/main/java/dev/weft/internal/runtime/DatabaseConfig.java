package dev.weft.internal.runtime;

import dev.weft.IdentityMap;

import java.nio.file.Path;
import java.util.function.Consumer;

/** What a {@code Database.Builder} collected; {@code path} is null for an in-memory database. */
public record DatabaseConfig(Path path, Consumer<String> statementListener, IdentityMap identityMap) {
}
