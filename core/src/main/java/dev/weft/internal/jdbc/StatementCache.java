package dev.weft.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Prepared statements of one connection by SQL text, least recently used dropped first. The driver keeps
 * none, and preparing costs more than running a point select. Used under the connection's lock only.
 */
final class StatementCache {

    private final Connection connection;
    private final int capacity;
    private final Predicate<PreparedStatement> usable;
    private final LinkedHashMap<String, PreparedStatement> statements;

    StatementCache(Connection connection, int capacity, Predicate<PreparedStatement> usable) {
        this.connection = connection;
        this.capacity = capacity;
        this.usable = usable;
        this.statements = new LinkedHashMap<>(capacity * 2, 0.75f, true);
    }

    /**
     * The statement of {@code sql}, prepared anew where the kept one is no longer usable: the driver finalizes a
     * statement on most failures, and one kept then would fail every later use, even once what failed is mended.
     */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement != null && !usable.test(statement)) {
            discard(sql);
            statement = null;
        }
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
            if (statements.size() > capacity) {
                Map.Entry<String, PreparedStatement> eldest = statements.entrySet().iterator().next();
                statements.remove(eldest.getKey());
                eldest.getValue().close();
            }
        }
        return statement;
    }

    /** Drops and closes the statement of {@code sql}, if kept, so that the next {@link #get} prepares it anew. */
    private void discard(String sql) {
        PreparedStatement statement = statements.remove(sql);
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                // Dropped either way; closing one the driver has finalized does nothing.
            }
        }
    }

    void closeAll() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        statements.clear();
    }
}
