package dev.weft.internal.persist;

import dev.weft.ForeignKeyViolationException;
import dev.weft.NotFoundException;
import dev.weft.internal.dialect.ConstraintFailure;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The statements that change a relation without saving whole objects: one foreign key of a row, or the rows of a
 * junction table. Each runs on the caller's connection, inside the caller's transaction; values are always bound.
 */
public final class RelationWriter {

    private final Connector connector;
    private final Dialect dialect;
    private final PersistenceContext context;
    private final ErrorTranslator errors;

    public RelationWriter(Connector connector, PersistenceContext context, ErrorTranslator errors) {
        this.connector = connector;
        this.dialect = connector.dialect();
        this.context = context;
        this.errors = errors;
    }

    /**
     * Points the foreign key {@code key} of a saved object's row at {@code target} (or NULL), and records the new
     * value as the one its row holds, so that a later save does not write it again.
     */
    public void setKey(Object entity, ForeignKeyProperty key, Object target) throws SQLException {
        EntityMeta meta = key.owner();
        Object targetId = target == null ? null : key.target().idOf(target);
        Object id = meta.idOf(entity);
        PreparedStatement statement = connector.prepare("UPDATE " + dialect.quote(meta.table()) + " SET "
                + dialect.quote(key.column()) + " = ? WHERE " + dialect.quote(meta.id().column()) + " = ?");
        Persister.bind(statement, 1, key, targetId);
        Persister.bind(statement, 2, meta.id(), id);
        int rows;
        try {
            rows = statement.executeUpdate();
        } catch (SQLException e) {
            Object[] values = context.columnValues(meta, entity);
            values[key.columnIndex()] = targetId;
            throw errors.writeFailed(e, meta, entity, values, false);
        }
        if (rows == 0) {
            throw missing(meta, id);
        }
    }

    /** Sets the key to NULL in every row that points at {@code ownerId}, and returns the ids of those rows. */
    public List<Object> clearKeys(ForeignKeyProperty key, Object ownerId) throws SQLException {
        EntityMeta meta = key.owner();
        PreparedStatement statement = connector.prepare("UPDATE " + dialect.quote(meta.table()) + " SET "
                + dialect.quote(key.column()) + " = NULL WHERE " + dialect.quote(key.column()) + " = ?"
                + dialect.returning(dialect.quote(meta.id().column())));
        Persister.bind(statement, 1, key, ownerId);
        try (ResultSet rows = statement.executeQuery()) {
            return ColumnTypes.readAll(rows, meta.id().type(), connector.textReader());
        }
    }

    /** Writes the junction row linking the two ids, unless it exists; returns whether it was written. */
    public boolean link(JunctionTable table, String ownerColumn, EntityMeta owner, Object ownerId,
                        String elementColumn, EntityMeta element, Object elementId) throws SQLException {
        PreparedStatement statement = connector.prepare(linkSql(table, ownerColumn, elementColumn));
        owner.id().type().bind(statement, 1, ownerId);
        element.id().type().bind(statement, 2, elementId);
        try {
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            if (dialect.constraintFailure(e).map(f -> f.kind() == ConstraintFailure.Kind.FOREIGN_KEY).orElse(false)) {
                throw new ForeignKeyViolationException("cannot link " + element.name() + "#" + elementId + " to "
                        + owner.name() + "#" + ownerId + " in " + table.table() + ": one of them has no row (deleted, "
                        + "or a reference to an id that does not exist); link saved objects only.", e);
            }
            throw e;
        }
    }

    /**
     * Writes the junction rows linking {@code ownerId} to each of {@code elementIds}, those that do not exist yet,
     * as one JDBC batch; returns whether any was written. A failed batch is retried row by row (a row written
     * already is left as it is), so that the error names the pair that failed.
     */
    public boolean linkAll(JunctionTable table, String ownerColumn, EntityMeta owner, Object ownerId,
                           String elementColumn, EntityMeta element, List<Object> elementIds) throws SQLException {
        if (elementIds.size() == 1) {
            return link(table, ownerColumn, owner, ownerId, elementColumn, element, elementIds.get(0));
        }
        String sql = linkSql(table, ownerColumn, elementColumn);
        PreparedStatement statement = connector.prepare(sql);
        int[] rows;
        try {
            rows = Persister.runBatch(statement, () -> {
                for (int i = 0; i < elementIds.size(); i++) {
                    if (i > 0) {
                        connector.announce(sql);
                    }
                    owner.id().type().bind(statement, 1, ownerId);
                    element.id().type().bind(statement, 2, elementIds.get(i));
                    statement.addBatch();
                }
            });
        } catch (SQLException e) {
            for (Object elementId : elementIds) {
                link(table, ownerColumn, owner, ownerId, elementColumn, element, elementId);
            }
            throw e;
        }
        for (int written : rows) {
            if (written > 0) {
                return true;
            }
        }
        return false;
    }

    /** The INSERT of a junction row that does nothing when the row exists. */
    private String linkSql(JunctionTable table, String ownerColumn, String elementColumn) {
        return dialect.insertUnlessPresent(dialect.quote(table.table()),
                List.of(dialect.quote(ownerColumn), dialect.quote(elementColumn)));
    }

    private static NotFoundException missing(EntityMeta meta, Object id) {
        return new NotFoundException("cannot change the relation of " + meta.name() + "#" + id + ": there is no such "
                + "row (deleted, or a reference to an id that does not exist).");
    }

    /** Deletes the junction row linking the two ids; returns whether there was one. */
    public boolean unlink(JunctionTable table, String ownerColumn, EntityMeta owner, Object ownerId,
                          String elementColumn, EntityMeta element, Object elementId) throws SQLException {
        PreparedStatement statement = connector.prepare("DELETE FROM " + dialect.quote(table.table()) + " WHERE "
                + dialect.quote(ownerColumn) + " = ? AND " + dialect.quote(elementColumn) + " = ?");
        owner.id().type().bind(statement, 1, ownerId);
        element.id().type().bind(statement, 2, elementId);
        return statement.executeUpdate() > 0;
    }

    /** Deletes every junction row of {@code ownerId} and returns the element ids they linked. */
    public List<Object> unlinkAll(JunctionTable table, String ownerColumn, EntityMeta owner, Object ownerId,
                                  String elementColumn, EntityMeta element) throws SQLException {
        PreparedStatement statement = connector.prepare("DELETE FROM " + dialect.quote(table.table()) + " WHERE "
                + dialect.quote(ownerColumn) + " = ?" + dialect.returning(dialect.quote(elementColumn)));
        owner.id().type().bind(statement, 1, ownerId);
        try (ResultSet rows = statement.executeQuery()) {
            return ColumnTypes.readAll(rows, element.id().type(), connector.textReader());
        }
    }
}
