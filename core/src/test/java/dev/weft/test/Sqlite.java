package dev.weft.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC on a database file, beside Weft: to create tables Weft should find, and to check what
 * Weft really wrote. Every call opens and closes its own connection.
 */
public final class Sqlite {

    private Sqlite() {
    }

    /** Runs each statement in turn (DDL, inserts ...). */
    public static void execute(Path file, String... statements) {
        try (Connection connection = connect(file); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw SQL failed on " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rows of a query, each a map from column label to value as the driver reads it. */
    public static List<Map<String, Object>> rows(Path file, String sql, Object... parameters) {
        try (Connection connection = connect(file);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet results = statement.executeQuery()) {
                ResultSetMetaData meta = results.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (results.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), results.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw query failed on " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, or {@code null} if there is no row. */
    public static Object scalar(Path file, String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(file, sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** The values of the first column of every row. */
    public static List<Object> column(Path file, String sql, Object... parameters) {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : rows(file, sql, parameters)) {
            values.add(row.values().iterator().next());
        }
        return values;
    }

    /** How many rows {@code table} holds. */
    public static long count(Path file, String table) {
        return ((Number) scalar(file, "SELECT count(*) FROM \"" + table + "\"")).longValue();
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
