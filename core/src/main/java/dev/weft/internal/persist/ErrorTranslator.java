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
        String subject = "cannot update " + meta.name() + " rows";
        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = newValues.get(i);
            assigned.add(columns.get(i).qualifiedName() + " = " + (value instanceof String ? "'" + value + "'" : value));
        }
        String values = String.join(", ", assigned);
        if (failure.isEmpty()) {
            return unexplained(subject, e);
        }
        return switch (failure.get().kind()) {
            case UNIQUE -> new UniqueViolationException(subject + " to " + values
                    + ": the value is already taken (UNIQUE), or would be by more than one row.", e);
            case NOT_NULL -> new NotNullViolationException(subject + " to " + values
                    + ": the column is NOT NULL; give it a value.", e);
            case FOREIGN_KEY -> new ForeignKeyViolationException(subject + " to " + values
                    + ": it refers to a row that does not exist.", e);
            default -> new IntegrityException(subject + " to " + values + ": the database refused it ("
                    + e.getMessage() + ").", e);
        };
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
            Object value = values[column.columnIndex()];
            String shown = column instanceof ForeignKeyProperty fk ? fk.target().name() + "#" + value
                    : value instanceof String ? "'" + value + "'" : String.valueOf(value);
            parts.add(column.qualifiedName() + " = " + shown);
        }
        return String.join(", ", parts);
    }
}
