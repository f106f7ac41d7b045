package dev.weft.internal.jdbc;

import java.sql.SQLException;

/** Work on the connection that may throw {@link SQLException}. */
@FunctionalInterface
public interface SqlWork<R> {
    R run() throws SQLException;
}
