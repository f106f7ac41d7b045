package dev.weft.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements of one connection by SQL text, least recently used dropped first. The driver keeps
 * none, and preparing costs more than running a point select. Used under the connection's lock only.
 */
final class StatementCache {

    private final Connection connection;
    private final int capacity;
    private final LinkedHashMap<String, PreparedStatement> statements;

    StatementCache(Connection connection, int capacity) {
        this.connection = connection;
        this.capacity = capacity;
        this.statements = new LinkedHashMap<>(capacity * 2, 0.75f, true);
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
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
    void discard(String sql) {
        PreparedStatement statement = statements.remove(sql);
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                // Dropped either way; closing one the driver has finalized does nothing.
            }
        }
    }

    /** Drops and closes every statement, so that each is prepared anew on its next use. */
    void discardAll() {
        for (String sql : statements.keySet().toArray(String[]::new)) {
            discard(sql);
        }
    }

    void closeAll() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        statements.clear();
    }
}
