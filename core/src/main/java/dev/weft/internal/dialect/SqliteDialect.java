package dev.weft.internal.dialect;

import dev.weft.internal.types.TextReader;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.core.CoreStatement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQLite, through the xerial sqlite-jdbc driver. */
public final class SqliteDialect implements Dialect {

    /** SQLite's own {@code lower()} folds ASCII only; this one folds all of Unicode. */
    static final String UNICODE_LOWER = "weft_lower";

    private static final Pattern CONSTRAINT_MESSAGE =
            Pattern.compile("(UNIQUE|NOT NULL|FOREIGN KEY|CHECK) constraint failed(?::\\s*([^)\\]]*))?");

    @Override
    public Connection open(ConnectionSettings settings) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // Also a driver property, so that it holds from the first statement: a PRAGMA foreign_keys that
        // runs inside a transaction does nothing. connectionSettings() repeats it where the listener sees it.
        config.enforceForeignKeys(true);
        // Weft reads generated keys with RETURNING; the driver's eager key fetch would cost a query per insert.
        config.setGetGeneratedKeys(false);
        String url = settings.inMemory() ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + settings.path().toAbsolutePath();
        Connection connection = config.createConnection(url);
        Function.create(connection, UNICODE_LOWER, new UnicodeLower(), 1, Function.FLAG_DETERMINISTIC);
        return connection;
    }

    @Override
    public List<String> connectionSettings(ConnectionSettings settings) {
        List<String> pragmas = new ArrayList<>();
        pragmas.add("PRAGMA foreign_keys = ON");
        pragmas.add("PRAGMA busy_timeout = " + settings.busyTimeoutMillis());
        if (!settings.inMemory()) {
            // WAL lets readers go on while one writer writes; NORMAL is durable at every checkpoint in WAL.
            pragmas.add("PRAGMA journal_mode = WAL");
            pragmas.add("PRAGMA synchronous = NORMAL");
        }
        return pragmas;
    }

    /**
     * sqlite-jdbc's {@code getString} hands a text over as a direct byte buffer, which its native code makes by calling
     * a Java constructor, and then copies it out; {@code getBytes} copies the same bytes into an array at once, to be
     * decoded as {@code getString} decodes them. That is 80 ns less a value: a filtered read of Chinook's tracks,
     * three text columns a row, took a fifth less time. The bytes are UTF-8 only in a database that keeps its text as
     * UTF-8, SQLite's default; one made as UTF-16 gives UTF-16 bytes, and is read with {@code getString}. Which of the
     * two a database is, is fixed by its first table: until then another connection may still make it UTF-16.
     */
    @Override
    public Optional<TextReader> textReader(ValueQuery query) throws SQLException {
        String encoding = query.value("SELECT CASE WHEN v.schema_version = 0 THEN NULL ELSE e.encoding END"
                + " FROM pragma_schema_version v, pragma_encoding e");
        if (encoding == null) {
            return Optional.empty();
        }
        return Optional.of("UTF-8".equalsIgnoreCase(encoding) ? SqliteDialect::utf8Text : TextReader.STANDARD);
    }

    private static String utf8Text(ResultSet row, int index) throws SQLException {
        byte[] bytes = row.getBytes(index);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String beginTransaction() {
        return "BEGIN IMMEDIATE";
    }

    @Override
    public String generatedIdColumn() {
        return "INTEGER PRIMARY KEY";
    }

    @Override
    public String tableColumnsQuery() {
        return "SELECT name FROM pragma_table_info(?)";
    }

    @Override
    public String foreignKeysQuery() {
        return "SELECT \"from\", on_delete FROM pragma_foreign_key_list(?)";
    }

    @Override
    public String junctionTableOptions() {
        // A composite-key table needs no rowid: the key is the row, stored once.
        return " WITHOUT ROWID";
    }

    @Override
    public String insertUnlessPresent(String quotedTable, List<String> quotedColumns) {
        return "INSERT OR IGNORE INTO " + quotedTable + " (" + String.join(", ", quotedColumns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(quotedColumns.size(), "?")) + ")";
    }

    @Override
    public String returning(String quotedColumn) {
        return " RETURNING " + quotedColumn;
    }

    @Override
    public String generatedId() {
        return "NULL"; // a NULL INTEGER PRIMARY KEY is given the next rowid
    }

    @Override
    public String nullSafeNotEqual(String left) {
        return left + " IS NOT ?";
    }

    @Override
    public String unknownAsFalse(String condition) {
        return "IFNULL(" + condition + ", 0)";
    }

    @Override
    public String caseSensitiveMatch(String left) {
        return left + " GLOB ?";
    }

    @Override
    public String escapeCaseSensitivePattern(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '*', '?', '[' -> out.append('[').append(c).append(']');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String caseInsensitiveLike(String left, boolean asciiPattern) {
        // LIKE folds ASCII by itself; other letters need Unicode folding of both sides.
        return asciiPattern ? left + " LIKE ? ESCAPE '\\'" : UNICODE_LOWER + "(" + left + ") LIKE ? ESCAPE '\\'";
    }

    @Override
    public String caseInsensitivePattern(String pattern, boolean asciiPattern) {
        return asciiPattern ? pattern : fold(pattern);
    }

    /**
     * Lower case, letter by letter. {@code toLowerCase} alone lowers a capital sigma that ends a word to the final
     * form {@code ς}, so that a pattern ending in {@code Σ} missed the {@code σ} of a longer word: both forms are
     * {@code σ} here, on both sides of the match.
     */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }

    @Override
    public String inJsonArray(String left) {
        return left + " IN (SELECT value FROM json_each(?))";
    }

    @Override
    public String decimalComparable(String expression) {
        return "CAST(" + expression + " AS NUMERIC)";
    }

    @Override
    public int maxParameters() {
        // SQLite allows 32766 since 3.32; stay far below so that a statement with other parameters still fits.
        return 30000;
    }

    @Override
    public Optional<ConstraintFailure> constraintFailure(SQLException e) {
        if (!(e instanceof SQLiteException sqlite) || !isConstraint(sqlite.getResultCode())) {
            return Optional.empty();
        }
        // The driver wraps SQLite's text ("[CODE] A UNIQUE constraint failed (UNIQUE constraint failed: t.c)"):
        // the detail is in the last match, the one that names table and columns.
        Matcher matcher = CONSTRAINT_MESSAGE.matcher(String.valueOf(e.getMessage()));
        int detailed = -1;
        int any = -1;
        while (matcher.find()) {
            any = matcher.start();
            if (matcher.group(2) != null) {
                detailed = matcher.start();
            }
        }
        if (any < 0) {
            return Optional.of(new ConstraintFailure(kindOf(sqlite.getResultCode()), null, List.of()));
        }
        matcher.find(detailed >= 0 ? detailed : any);
        ConstraintFailure.Kind kind = switch (matcher.group(1)) {
            case "UNIQUE" -> ConstraintFailure.Kind.UNIQUE;
            case "NOT NULL" -> ConstraintFailure.Kind.NOT_NULL;
            case "FOREIGN KEY" -> ConstraintFailure.Kind.FOREIGN_KEY;
            default -> ConstraintFailure.Kind.CHECK;
        };
        String table = null;
        List<String> columns = new ArrayList<>();
        if (matcher.group(2) != null && kind != ConstraintFailure.Kind.CHECK) {
            for (String qualified : matcher.group(2).split(",")) {
                String name = qualified.trim();
                int dot = name.lastIndexOf('.');
                if (dot > 0) {
                    table = name.substring(0, dot);
                    columns.add(name.substring(dot + 1));
                }
            }
        }
        return Optional.of(new ConstraintFailure(kind, table, List.copyOf(columns)));
    }

    @Override
    public boolean isUsable(PreparedStatement statement) {
        // sqlite-jdbc finalizes a statement on most failures (all but busy, locked, misuse and constraints) and marks
        // only its native pointer closed; isClosed() stays false.
        return !(statement instanceof CoreStatement core) || !core.pointer.isClosed();
    }

    private static boolean isConstraint(SQLiteErrorCode code) {
        return code.name().startsWith("SQLITE_CONSTRAINT");
    }

    private static ConstraintFailure.Kind kindOf(SQLiteErrorCode code) {
        return switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> ConstraintFailure.Kind.UNIQUE;
            case SQLITE_CONSTRAINT_NOTNULL -> ConstraintFailure.Kind.NOT_NULL;
            case SQLITE_CONSTRAINT_FOREIGNKEY -> ConstraintFailure.Kind.FOREIGN_KEY;
            case SQLITE_CONSTRAINT_CHECK -> ConstraintFailure.Kind.CHECK;
            default -> ConstraintFailure.Kind.OTHER;
        };
    }

    private static final class UnicodeLower extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String value = value_text(0);
            if (value == null) {
                result();
            } else {
                result(fold(value));
            }
        }
    }
}
