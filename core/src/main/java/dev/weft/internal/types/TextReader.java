package dev.weft.internal.types;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the text of a column is taken from a result set. {@link ResultSet#getString} is the standard way; a dialect
 * whose driver has a faster one that gives the same strings offers that one, and loading rows reads every text
 * column through it.
 */
@FunctionalInterface
public interface TextReader {

    /** {@link ResultSet#getString}. */
    TextReader STANDARD = ResultSet::getString;

    /** The text of the column at {@code index}; {@code null} for SQL {@code NULL}. */
    String text(ResultSet row, int index) throws SQLException;
}
