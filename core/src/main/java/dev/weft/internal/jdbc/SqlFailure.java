package dev.weft.internal.jdbc;

import java.sql.SQLException;

/**
 * An {@link SQLException} on its way out of a {@link Connector} call, unchecked so that it crosses
 * lambdas, to be translated into a {@code WeftException} by the caller that knows what was being done.
 */
public final class SqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SqlFailure(SQLException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
