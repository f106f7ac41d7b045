package dev.weft.internal.persist;

import dev.weft.ForeignKeyViolationException;
import dev.weft.IntegrityException;
import dev.weft.NotNullViolationException;
import dev.weft.UniqueViolationException;
import dev.weft.WeftException;
import dev.weft.internal.dialect.ConstraintFailure;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what SQLite says about a failed write into an exception that names the entity, the field and the
 * value, and says what to do. Runs only after a failure, so it may ask the database what went wrong.
 */
public final class ErrorTranslator {

    private final Connector connector;
    private final PersistenceContext context;

    public ErrorTranslator(Connector connector, PersistenceContext context) {
        this.connector = connector;
        this.context = context;
    }

    /** An exception for a failed insert or update of {@code entity}, whose column values were {@code values}. */
    public WeftException writeFailed(SQLException e, EntityMeta meta, Object entity, Object[] values, boolean insert) {
        Optional<ConstraintFailure> failure = connector.dialect().constraintFailure(e);
        String subject = "cannot " + (insert ? "insert " : "update ") + describe(meta, entity);
        if (failure.isEmpty()) {
            return unexplained(subject, e);
        }
        ConstraintFailure f = failure.get();
        List<ColumnProperty> columns = columnsNamed(meta, f.columns());
        switch (f.kind()) {
            case UNIQUE -> {
                if (columns.size() == 1 && columns.get(0) == meta.id()) {
                    return new UniqueViolationException(subject + ": " + meta.name() + "#" + values[0]
                            + " already exists; load it and change it instead of inserting a new one.", e);
                }
                return new UniqueViolationException(subject + ": " + assignments(meta, columns, values)
                        + (columns.size() == 1 && columns.get(0) instanceof ForeignKeyProperty fk && fk.oneToOne()
                        ? " is already taken by another " + meta.name() + " (one-to-one)"
                        : " is already taken by another " + meta.name() + " (UNIQUE)")
                        + "; choose another value or change the existing row.", e);
            }
            case NOT_NULL -> {
                String field = columns.isEmpty() ? "a field" : columns.get(0).qualifiedName();
                return new NotNullViolationException(subject + ": " + field
                        + " is null, but its column is NOT NULL; set a value before saving.", e);
            }
            case FOREIGN_KEY -> {
                return missingTarget(meta, values).<WeftException>map(fk -> new ForeignKeyViolationException(
                        subject + ": " + fk.qualifiedName() + " refers to " + fk.target().name() + "#"
                                + values[fk.columnIndex()] + ", which does not exist; save that "
                                + fk.target().name() + " first or refer to an existing one.", e))
                        .orElseGet(() -> new ForeignKeyViolationException(subject
                                + ": a foreign key refers to a row that does not exist.", e));
            }
            default -> {
                return new IntegrityException(subject + ": the database refused it (" + e.getMessage() + ").", e);
            }
        }
    }

    /** An exception for a bulk update ({@code Query.update}) that the database refused. */
    public WeftException bulkUpdateFailed(SQLException e, EntityMeta meta, List<ColumnProperty> columns,
                                          List<Object> newValues) {
        Optional<ConstraintFailure> failure = connector.dialect().constraintFailure(e);
        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            assigned.add(columns.get(i).qualifiedName() + " = " + shown(columns.get(i), newValues.get(i)));
        }
        String subject = "cannot update " + meta.name() + " rows to " + String.join(", ", assigned);
        if (failure.isEmpty()) {
            return unexplained(subject, e);
        }
        ConstraintFailure f = failure.get();
        return switch (f.kind()) {
            case UNIQUE -> new UniqueViolationException(subject + ": " + uniqueness(meta, f.columns())
                    + "; another row has that already, or this update would give it to several rows. Give each row "
                    + "a value no other row has. Nothing was changed.", e);
            case NOT_NULL -> new NotNullViolationException(subject + ": " + describeColumns(meta, f.columns())
                    + " is NOT NULL; give it a value. Nothing was changed.", e);
            case FOREIGN_KEY -> missingAssignedTarget(columns, newValues).<WeftException>map(i -> {
                ForeignKeyProperty fk = (ForeignKeyProperty) columns.get(i);
                return new ForeignKeyViolationException(subject + ": " + fk.target().name() + "#" + newValues.get(i)
                        + " does not exist; save that " + fk.target().name() + " first or refer to an existing one. "
                        + "Nothing was changed.", e);
            }).orElseGet(() -> new ForeignKeyViolationException(subject + ": a foreign key would refer to a row "
                    + "that does not exist. Nothing was changed.", e));
            default -> new IntegrityException(subject + ": the database refused it (" + e.getMessage()
                    + "). Nothing was changed.", e);
        };
    }

    /** The index of the first assigned foreign key whose target row does not exist. */
    private Optional<Integer> missingAssignedTarget(List<ColumnProperty> columns, List<Object> values) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof ForeignKeyProperty fk && values.get(i) != null
                    && !exists(fk.target(), values.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The fields of the columns a constraint failure names (a column no field maps by its name). */
    private static String describeColumns(EntityMeta meta, List<String> names) {
        if (names.isEmpty()) {
            return "a field";
        }
        List<String> fields = new ArrayList<>();
        for (String name : names) {
            List<ColumnProperty> mapped = columnsNamed(meta, List.of(name));
            fields.add(mapped.isEmpty() ? "column " + name : mapped.get(0).qualifiedName());
        }
        return String.join(" and ", fields);
    }

    /** What a UNIQUE constraint keeps unique: {@code Account.email is unique (UNIQUE)}, or a combination. */
    private static String uniqueness(EntityMeta meta, List<String> names) {
        if (names.size() > 1) {
            return "the combination of " + describeColumns(meta, names) + " is unique (UNIQUE)";
        }
        List<ColumnProperty> columns = columnsNamed(meta, names);
        boolean oneToOne = columns.size() == 1 && columns.get(0) instanceof ForeignKeyProperty fk && fk.oneToOne();
        return describeColumns(meta, names) + " is unique (" + (oneToOne ? "one-to-one" : "UNIQUE") + ")";
    }

    /** A value as a message shows it: a key as the row it points at, text in quotes. */
    private static String shown(ColumnProperty column, Object value) {
        if (value == null) {
            return "null";
        }
        return column instanceof ForeignKeyProperty fk ? fk.target().name() + "#" + value
                : value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    /** An exception for an SQL failure that is no constraint failure: the database's own words, with context. */
    public static WeftException unexplained(String subject, SQLException e) {
        return new WeftException(subject + ": SQLite reported " + e.getMessage(), e);
    }

    /** {@code Author#3}, or {@code a new Author} when it has no id. */
    static String describe(EntityMeta meta, Object entity) {
        Object id = meta.idOf(entity);
        return meta.isUnsetId(id) ? "a new " + meta.name() : meta.name() + "#" + id;
    }

    private Optional<ForeignKeyProperty> missingTarget(EntityMeta meta, Object[] values) {
        for (ForeignKeyProperty fk : meta.foreignKeys()) {
            Object id = values[fk.columnIndex()];
            if (id != null && !exists(fk.target(), id)) {
                return Optional.of(fk);
            }
        }
        return Optional.empty();
    }

    private boolean exists(EntityMeta meta, Object id) {
        var dialect = connector.dialect();
        String sql = "SELECT 1 FROM " + dialect.quote(meta.table()) + " WHERE " + dialect.quote(meta.id().column()) + " = ?";
        return connector.withConnection(() -> {
            PreparedStatement statement = connector.prepare(sql);
            meta.id().type().bind(statement, 1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    private static List<ColumnProperty> columnsNamed(EntityMeta meta, List<String> names) {
        List<ColumnProperty> found = new ArrayList<>();
        for (String name : names) {
            for (ColumnProperty column : meta.columns()) {
                if (column.column().equalsIgnoreCase(name)) {
                    found.add(column);
                }
            }
        }
        return found;
    }

    private static String assignments(EntityMeta meta, List<ColumnProperty> columns, Object[] values) {
        if (columns.isEmpty()) {
            return "a unique value";
        }
        List<String> parts = new ArrayList<>();
        for (ColumnProperty column : columns) {
            parts.add(column.qualifiedName() + " = " + shown(column, values[column.columnIndex()]));
        }
        return String.join(", ", parts);
    }
}
