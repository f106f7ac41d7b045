package dev.weft.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What SQLite says about the tables of a database file: sqlite_master and the table pragmas. */
public final class Schema {

    /** One column, from {@code pragma_table_info}. {@code pk} is its 1-based place in the primary key, else 0. */
    public record ColumnInfo(String name, String type, boolean notNull, int pk) {
    }

    /** One foreign-key column, from {@code pragma_foreign_key_list}. */
    public record ForeignKeyInfo(String from, String table, String to, String onUpdate, String onDelete) {
    }

    /** One index, from {@code pragma_index_list} and {@code pragma_index_info}. */
    public record IndexInfo(String name, boolean unique, String origin, List<String> columns) {
    }

    private final Path file;

    public Schema(Path file) {
        this.file = file;
    }

    /** The names of the tables, in the order they were created, without SQLite's own. */
    public List<String> tables() {
        List<String> names = new ArrayList<>();
        for (Object name : Sqlite.column(file,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")) {
            names.add((String) name);
        }
        return names;
    }

    public List<ColumnInfo> columns(String table) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (Map<String, Object> row : Sqlite.rows(file,
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", table)) {
            columns.add(new ColumnInfo((String) row.get("name"), (String) row.get("type"),
                    ((Number) row.get("notnull")).intValue() == 1, ((Number) row.get("pk")).intValue()));
        }
        return columns;
    }

    public List<String> columnNames(String table) {
        List<String> names = new ArrayList<>();
        for (ColumnInfo column : columns(table)) {
            names.add(column.name());
        }
        return names;
    }

    public ColumnInfo column(String table, String name) {
        return columns(table).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("table " + table + " has no column " + name
                        + "; it has " + columnNames(table)));
    }

    public List<ForeignKeyInfo> foreignKeys(String table) {
        List<ForeignKeyInfo> keys = new ArrayList<>();
        for (Map<String, Object> row : Sqlite.rows(file,
                "SELECT \"from\", \"table\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
                table)) {
            keys.add(new ForeignKeyInfo((String) row.get("from"), (String) row.get("table"), (String) row.get("to"),
                    (String) row.get("on_update"), (String) row.get("on_delete")));
        }
        return keys;
    }

    public ForeignKeyInfo foreignKey(String table, String fromColumn) {
        return foreignKeys(table).stream().filter(k -> k.from().equals(fromColumn)).findFirst()
                .orElseThrow(() -> new AssertionError("table " + table + " has no foreign key on " + fromColumn
                        + "; it has " + foreignKeys(table)));
    }

    public List<IndexInfo> indexes(String table) {
        List<IndexInfo> indexes = new ArrayList<>();
        for (Map<String, Object> row : Sqlite.rows(file,
                "SELECT name, \"unique\", origin FROM pragma_index_list(?)", table)) {
            String name = (String) row.get("name");
            List<String> columns = new ArrayList<>();
            for (Object column : Sqlite.column(file, "SELECT name FROM pragma_index_info(?) ORDER BY seqno", name)) {
                columns.add((String) column);
            }
            indexes.add(new IndexInfo(name, ((Number) row.get("unique")).intValue() == 1,
                    (String) row.get("origin"), columns));
        }
        return indexes;
    }

    /** An index whose leading column is {@code column}, which is what makes lookups by that column fast. */
    public Optional<IndexInfo> indexLeadingWith(String table, String column) {
        return indexes(table).stream().filter(i -> !i.columns().isEmpty() && i.columns().get(0).equals(column))
                .findFirst();
    }

    /** Whether a UNIQUE index (or constraint) covers exactly {@code columns}. */
    public boolean isUnique(String table, String... columns) {
        List<String> wanted = List.of(columns);
        return indexes(table).stream().anyMatch(i -> i.unique() && i.columns().equals(wanted));
    }
}
