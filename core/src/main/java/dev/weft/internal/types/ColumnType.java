package dev.weft.internal.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How values of one Java type are stored in a SQLite column: the declared column type, how a value is
 * bound as a parameter and how it is read back. Implementations are stateless and shared.
 */
public interface ColumnType {

    /** The type a {@code CREATE TABLE} declares for the column ({@code INTEGER}, {@code TEXT} ...). */
    String sqlType();

    /** The Java type of the values; for numbers and booleans the primitive type, whatever the field's. */
    Class<?> javaType();

    /** Binds {@code value} (never {@code null}) at {@code index}. */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;

    /**
     * Reads the column at {@code index}, taking a value kept as text through {@code text}; {@code null} for SQL
     * {@code NULL}.
     */
    Object read(ResultSet row, int index, TextReader text) throws SQLException;

    /**
     * The value as SQLite stores it: a {@code Long}, {@code Double}, {@code String} or {@code byte[]}, for
     * passing many values in one parameter (a JSON array).
     */
    Object stored(Object value);
}
