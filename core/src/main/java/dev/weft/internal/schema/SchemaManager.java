package dev.weft.internal.schema;

import dev.weft.Action;
import dev.weft.MappingException;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.meta.ManyToManyProperty;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the tables of registered entities, and checks that the tables of entities mapped onto an
 * existing database have the columns the mapping needs.
 */
public final class SchemaManager {

    private final Connector connector;
    private final Dialect dialect;
    /**
     * The junction columns (table and column, {@link #junctionColumn}) whose foreign key does not delete the links
     * of a deleted row, as the last check read them. Usually none, and then a delete asks nothing more.
     */
    private final Set<String> notCascading = ConcurrentHashMap.newKeySet();

    public SchemaManager(Connector connector) {
        this.connector = connector;
        this.dialect = connector.dialect();
    }

    /** Creates what is missing of the entities' tables, indexes and junction tables, in one transaction. */
    public void create(List<EntityMeta> entities) {
        List<String> ddl = new ArrayList<>();
        for (EntityMeta meta : dependencyOrder(entities)) {
            ddl.add(createTable(meta));
            for (ForeignKeyProperty fk : meta.foreignKeys()) {
                if (!fk.unique()) {
                    ddl.add(createIndex(meta.table(), fk.column()));
                }
            }
        }
        for (JunctionTable junction : junctions(entities)) {
            ddl.add(createJunction(junction));
            ddl.add(createIndex(junction.table(), junction.targetColumn()));
        }
        connector.transaction(() -> {
            for (String statement : ddl) {
                connector.execute(statement);
            }
            return null;
        });
        check(entities);
    }

    /**
     * Checks that every mapped table and column exists.
     *
     * @throws MappingException naming the first table or column that does not
     */
    public void check(List<EntityMeta> entities) {
        connector.withConnection(() -> {
            for (EntityMeta meta : entities) {
                Set<String> columns = columnsOf(meta.table());
                if (columns.isEmpty()) {
                    throw new MappingException(meta.type().getName() + " is mapped to table '" + meta.table()
                            + "', which the database does not have: create it with createTables(...), or name the "
                            + "existing table with @Entity(table = \"...\").");
                }
                for (ColumnProperty column : meta.columns()) {
                    if (!columns.contains(column.column().toLowerCase(Locale.ROOT))) {
                        throw new MappingException(column.qualifiedName() + " is mapped to column '" + column.column()
                                + "', which table '" + meta.table() + "' does not have (it has " + columns
                                + "): name the existing column with @Column(name = \"...\"), add the column to the table "
                                + "(ALTER TABLE ... ADD COLUMN: createTables leaves existing tables as they are), or mark "
                                + "the field transient.");
                    }
                }
                checkDeleteActions(meta);
            }
            for (JunctionTable junction : junctions(entities)) {
                Set<String> columns = columnsOf(junction.table());
                Map<String, String> actions = foreignKeysOf(junction.table());
                for (String column : List.of(junction.ownerColumn(), junction.targetColumn())) {
                    String key = column.toLowerCase(Locale.ROOT);
                    if ("CASCADE".equals(actions.get(key))) {
                        notCascading.remove(junctionColumn(junction.table(), column));
                    } else {
                        notCascading.add(junctionColumn(junction.table(), column));
                    }
                    if (!columns.contains(key)) {
                        throw new MappingException("The many-to-many junction table '" + junction.table() + "' of "
                                + junction.owner().name() + " and " + junction.target().name()
                                + (columns.isEmpty() ? " does not exist" : " has no column '" + column + "'")
                                + ": name the existing table and columns with @ManyToMany(through, joinColumn, "
                                + "inverseJoinColumn), or create it with createTables(...).");
                    }
                }
            }
            return null;
        });
        connector.settleTextReader(); // the tables are there: a database empty at open now keeps its text one way
    }

    /**
     * The database carries out {@code onDelete}, and memory follows what the annotation declares: a table made by
     * an older version of the entity, or by another tool, whose foreign key acts otherwise would delete rows that
     * memory keeps, or refuse deletes the mapping promises.
     */
    private void checkDeleteActions(EntityMeta meta) throws SQLException {
        Map<String, String> actions = foreignKeysOf(meta.table());
        for (ForeignKeyProperty fk : meta.foreignKeys()) {
            String action = actions.get(fk.column().toLowerCase(Locale.ROOT));
            if (action == null || !sameDeleteAction(fk.onDelete(), action)) {
                throw new MappingException(fk.qualifiedName() + " declares onDelete = " + fk.onDelete() + ", but column '"
                        + fk.column() + "' of table '" + meta.table() + "' has "
                        + (action == null ? "no foreign key" : "a foreign key with ON DELETE " + action)
                        + " in the database, which carries out deletes: declare the onDelete the table has, or "
                        + "migrate the table to ON DELETE " + fk.onDelete().sql() + " (SQLite cannot alter a foreign "
                        + "key: create the table anew and copy the rows), or map the column as a plain field.");
            }
        }
    }

    /** NO ACTION refuses a delete as RESTRICT does, only at the end of the statement instead of at once. */
    private static boolean sameDeleteAction(Action declared, String action) {
        return declared.sql().equals(action) || declared == Action.RESTRICT && action.equals("NO ACTION");
    }

    /**
     * Whether deleting a row that {@code column} of the junction table {@code table} references deletes the junction
     * rows that point at it: a junction table Weft did not create may not, and then Weft deletes them itself. Known
     * once the junction was checked; a junction never checked is taken to be one Weft created.
     */
    public boolean deleteCascades(String table, String column) {
        return !notCascading.contains(junctionColumn(table, column));
    }

    /** Whether every junction checked deletes the links of a deleted row itself, as those Weft creates do. */
    public boolean everyJunctionCascades() {
        return notCascading.isEmpty();
    }

    private static String junctionColumn(String table, String column) {
        return table + '\u0000' + column.toLowerCase(Locale.ROOT);
    }

    /** The table's foreign key columns (lower case) and their ON DELETE actions (upper case). */
    private Map<String, String> foreignKeysOf(String table) throws SQLException {
        Map<String, String> actions = new HashMap<>();
        PreparedStatement statement = connector.prepare(dialect.foreignKeysQuery());
        statement.setString(1, table);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                actions.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2).toUpperCase(Locale.ROOT));
            }
        }
        return actions;
    }

    private Set<String> columnsOf(String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        PreparedStatement statement = connector.prepare(dialect.tableColumnsQuery());
        statement.setString(1, table);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private String createTable(EntityMeta meta) {
        List<String> definitions = new ArrayList<>();
        for (ColumnProperty column : meta.columns()) {
            definitions.add(columnDefinition(meta, column));
        }
        return "CREATE TABLE IF NOT EXISTS " + dialect.quote(meta.table()) + " (\n  "
                + String.join(",\n  ", definitions) + "\n)";
    }

    private String columnDefinition(EntityMeta meta, ColumnProperty column) {
        String name = dialect.quote(column.column());
        if (column == meta.id()) {
            return meta.generatedId() ? name + " " + dialect.generatedIdColumn()
                    : name + " " + column.type().sqlType() + " PRIMARY KEY NOT NULL";
        }
        StringBuilder definition = new StringBuilder(name).append(' ').append(column.type().sqlType());
        if (!column.nullable()) {
            definition.append(" NOT NULL");
        }
        if (column.unique()) {
            definition.append(" UNIQUE");
        }
        if (column instanceof ForeignKeyProperty fk) {
            definition.append(" REFERENCES ").append(dialect.quote(fk.target().table()))
                    .append(" (").append(dialect.quote(fk.target().id().column())).append(')')
                    .append(" ON DELETE ").append(fk.onDelete().sql())
                    .append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return definition.toString();
    }

    private String createJunction(JunctionTable junction) {
        return "CREATE TABLE IF NOT EXISTS " + dialect.quote(junction.table()) + " (\n  "
                + junctionColumn(junction.ownerColumn(), junction.owner()) + ",\n  "
                + junctionColumn(junction.targetColumn(), junction.target()) + ",\n  "
                + "PRIMARY KEY (" + dialect.quote(junction.ownerColumn()) + ", " + dialect.quote(junction.targetColumn())
                + ")\n)" + dialect.junctionTableOptions();
    }

    private String junctionColumn(String column, EntityMeta references) {
        return dialect.quote(column) + " " + references.id().type().sqlType() + " NOT NULL REFERENCES "
                + dialect.quote(references.table()) + " (" + dialect.quote(references.id().column())
                + ") ON DELETE CASCADE ON UPDATE CASCADE";
    }

    private String createIndex(String table, String column) {
        return "CREATE INDEX IF NOT EXISTS " + dialect.quote(table + "_" + column + "_idx") + " ON "
                + dialect.quote(table) + " (" + dialect.quote(column) + ")";
    }

    /** Referenced tables before the tables that reference them; a cycle is cut where it closes. */
    private static List<EntityMeta> dependencyOrder(List<EntityMeta> entities) {
        Map<EntityMeta, Boolean> visited = new LinkedHashMap<>();
        List<EntityMeta> order = new ArrayList<>();
        for (EntityMeta meta : entities) {
            visit(meta, entities, visited, order);
        }
        return order;
    }

    private static void visit(EntityMeta meta, List<EntityMeta> scope, Map<EntityMeta, Boolean> visited,
                              List<EntityMeta> order) {
        if (visited.containsKey(meta) || !scope.contains(meta)) {
            return;
        }
        visited.put(meta, Boolean.TRUE);
        for (ForeignKeyProperty fk : meta.foreignKeys()) {
            visit(fk.target(), scope, visited, order);
        }
        order.add(meta);
    }

    private static List<JunctionTable> junctions(List<EntityMeta> entities) {
        Map<String, JunctionTable> junctions = new LinkedHashMap<>();
        for (EntityMeta meta : entities) {
            for (ManyToManyProperty m2m : meta.manyToMany()) {
                junctions.putIfAbsent(m2m.junction().table(), m2m.junction());
            }
        }
        return new ArrayList<>(junctions.values());
    }
}
