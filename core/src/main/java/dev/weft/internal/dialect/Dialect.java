package dev.weft.internal.dialect;

import dev.weft.internal.types.TextReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Everything about the SQL that is particular to one database engine. The rest of Weft writes SQL only
 * through this seam, so that the same entities can run on another engine by adding a dialect.
 */
public interface Dialect {

    /** Opens a connection configured as Weft needs it (foreign keys enforced, functions registered ...). */
    Connection open(ConnectionSettings settings) throws SQLException;

    /** The settings every new connection gets, as statements, so that the statement listener sees them. */
    List<String> connectionSettings(ConnectionSettings settings);

    /**
     * How text columns are read from this database's result sets; empty while the database may still change how it
     * keeps text, to be asked again later. {@code query} asks the database what that depends on.
     */
    Optional<TextReader> textReader(ValueQuery query) throws SQLException;

    /** Runs a query of one value on the open connection, where the statement listener sees it. */
    @FunctionalInterface
    interface ValueQuery {
        /** The first column of the first row; {@code null} if there is none. */
        String value(String sql) throws SQLException;
    }

    /** Quotes an identifier (table or column name) so that any name, even a keyword, is safe. */
    String quote(String identifier);

    /** The statement that starts a write transaction, taking the write lock at once. */
    String beginTransaction();

    /** The column definition of a generated integer primary key, after the column name. */
    String generatedIdColumn();

    /**
     * A query of the columns of the table named by its one parameter: one row per column, its name first. No rows
     * when there is no such table.
     */
    String tableColumnsQuery();

    /**
     * A query of the foreign keys of the table named by its one parameter: one row per key column, the column's name
     * first, then its {@code ON DELETE} action as SQL spells it ({@code CASCADE}, {@code SET NULL}, {@code NO ACTION}).
     */
    String foreignKeysQuery();

    /** What follows the definition of a junction table (a table of nothing but its composite key). */
    String junctionTableOptions();

    /**
     * An insert of one row with a parameter per column that does nothing when the row would duplicate a key:
     * how a link is added to a junction table whether or not it exists.
     */
    String insertUnlessPresent(String quotedTable, List<String> quotedColumns);

    /** {@code INSERT ... RETURNING id} support: the suffix that returns the generated key. */
    String returning(String quotedColumn);

    /**
     * The value that asks the database to generate an id, written for the id column of a row that has no other
     * column: {@code INSERT INTO t () VALUES ()} is not SQL.
     */
    String generatedId();

    /** A condition that is true when {@code left} differs from the parameter, {@code NULL}s included. */
    String nullSafeNotEqual(String left);

    /** Turns an SQL condition that may be unknown ({@code NULL}) into one that is false then. */
    String unknownAsFalse(String condition);

    /** A case-sensitive pattern match where {@code *} is any text: {@code left GLOB ?}. */
    String caseSensitiveMatch(String left);

    /** Escapes text so that the pattern of {@link #caseSensitiveMatch} matches it literally. */
    String escapeCaseSensitivePattern(String text);

    /** A case-insensitive (Unicode) match of {@code left} against a LIKE pattern with {@code \} as escape. */
    String caseInsensitiveLike(String left, boolean asciiPattern);

    /** The pattern to bind for {@link #caseInsensitiveLike}, folded as that match folds {@code left}. */
    String caseInsensitivePattern(String pattern, boolean asciiPattern);

    /**
     * A condition that {@code left} is one of the values of a JSON array bound as one parameter: how a list
     * longer than a statement's parameter limit is passed.
     */
    String inJsonArray(String left);

    /** An expression that compares and orders an exact decimal stored as text by its numeric value. */
    String decimalComparable(String expression);

    /** The most parameters one statement may bind. */
    int maxParameters();

    /** The constraint failure an exception reports, if it reports one. */
    Optional<ConstraintFailure> constraintFailure(SQLException e);

    /**
     * Whether a prepared statement kept for reuse can still run: a driver may finalize a statement when it
     * fails, and the statement object does not say so through JDBC.
     */
    boolean isUsable(PreparedStatement statement);
}
