package dev.weft.internal.schema;

import dev.weft.MappingException;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.meta.ManyToManyProperty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Creates the tables of registered entities, and checks that the tables of entities mapped onto an
 * existing database have the columns the mapping needs.
 */
public final class SchemaManager {

    private final Connector connector;
    private final Dialect dialect;

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
                                + "): name the existing column with @Column(name = \"...\"), or mark the field transient.");
                    }
                }
            }
            for (JunctionTable junction : junctions(entities)) {
                Set<String> columns = columnsOf(junction.table());
                for (String column : List.of(junction.ownerColumn(), junction.targetColumn())) {
                    if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
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
    }

    private Set<String> columnsOf(String table) throws SQLException {
        String sql = "PRAGMA table_info(" + dialect.quote(table) + ")";
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rows = connector.prepare(sql).executeQuery()) {
            while (rows.next()) {
                columns.add(rows.getString("name").toLowerCase(Locale.ROOT));
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
