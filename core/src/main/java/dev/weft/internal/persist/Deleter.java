package dev.weft.internal.persist;

import dev.weft.Action;
import dev.weft.NotFoundException;
import dev.weft.RestrictViolationException;
import dev.weft.WeftException;
import dev.weft.internal.dialect.ConstraintFailure;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.jdbc.SqlWork;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Metamodel;
import dev.weft.internal.schema.SchemaManager;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Deletes rows by id and lets the database apply the foreign keys' {@code onDelete} actions. When a
 * RESTRICT key refuses, it finds out which rows block the delete, following CASCADE keys as far as the
 * delete would have gone, so the message says exactly why.
 */
public final class Deleter {

    private static final int MAX_BLOCKERS_SHOWN = 3;

    private final Connector connector;
    private final Dialect dialect;
    private final PersistenceContext context;
    private final Metamodel metamodel;
    private final SchemaManager schema;

    public Deleter(Connector connector, PersistenceContext context, Metamodel metamodel, SchemaManager schema) {
        this.connector = connector;
        this.dialect = connector.dialect();
        this.context = context;
        this.metamodel = metamodel;
        this.schema = schema;
    }

    /** Deletes the object's row; the object is marked deleted and leaves the identity map. */
    public void delete(Object entity) {
        EntityMeta meta = context.meta(entity);
        Object id = meta.idOf(entity);
        context.checkNotElsewhere(meta, entity, "delete");
        if (context.isNew(entity) || meta.isUnsetId(id)) {
            throw new WeftException("cannot delete " + ErrorTranslator.describe(meta, entity)
                    + ": it was never saved, so it has no row to delete.");
        }
        String sql = deleteSql(meta);
        MemoryJournal journal = new MemoryJournal(context);
        connector.withConnection(() -> {
            DeleteEffects effects = connector.atomically(() -> {
                DeleteEffects found = DeleteEffects.of(connector, context, meta, () -> List.of(id));
                unlinkAll(meta, () -> List.of(id));
                PreparedStatement statement = connector.prepare(sql);
                Persister.bind(statement, 1, meta.id(), id);
                int rows;
                try {
                    rows = statement.executeUpdate();
                } catch (SQLException e) {
                    throw refused(e, meta, List.of(id));
                }
                if (rows == 0) {
                    throw new NotFoundException("cannot delete " + meta.name() + "#" + id
                            + ": there is no such row (deleted already?).");
                }
                return found;
            }, journal::revert);
            effects.apply(journal);
            context.deleted(entity, meta, journal);
            return null;
        });
    }

    /**
     * Deletes rows with one statement that returns their ids, and brings the loaded objects those rows
     * and their CASCADE and SET_NULL dependants in line. {@code matchingIds} is asked once at most, and only when
     * loaded objects could be affected or links must be deleted first.
     */
    public long deleteRows(EntityMeta meta, Supplier<Collection<Object>> matchingIds, SqlWork<List<Object>> delete) {
        MemoryJournal journal = new MemoryJournal(context);
        return connector.withConnection(() -> {
            DeleteEffects effects = connector.atomically(() -> {
                Supplier<Collection<Object>> matching = once(matchingIds);
                DeleteEffects found = DeleteEffects.of(connector, context, meta, matching);
                List<Object> ids;
                try {
                    // A filter through the links just deleted would match nothing now: the rows it matched go by id.
                    ids = unlinkAll(meta, matching) ? deleteByIds(meta, matching.get()) : delete.run();
                } catch (SQLException e) {
                    throw refused(e, meta, new ArrayList<>(matching.get()));
                }
                found.addDeleted(meta, ids);
                return found;
            }, journal::revert);
            effects.apply(journal);
            return effects.deletedCount();
        });
    }

    /** The ids a supplier gives, asked on first use and kept: each ask is a query. */
    private static Supplier<Collection<Object>> once(Supplier<Collection<Object>> ids) {
        return new Supplier<>() {
            private Collection<Object> found;

            @Override
            public Collection<Object> get() {
                if (found == null) {
                    found = ids.get();
                }
                return found;
            }
        };
    }

    /** Deletes rows by id, in one batch; returns the ids of the rows that were there. */
    private List<Object> deleteByIds(EntityMeta meta, Collection<Object> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        PreparedStatement statement = connector.prepare(deleteSql(meta));
        int[] counts = Persister.runBatch(statement, () -> {
            for (Object id : ids) {
                Persister.bind(statement, 1, meta.id(), id);
                statement.addBatch();
            }
        });
        List<Object> deleted = new ArrayList<>(ids.size());
        int i = 0;
        for (Object id : ids) {
            if (counts[i++] > 0) {
                deleted.add(id);
            }
        }
        return deleted;
    }

    private String deleteSql(EntityMeta meta) {
        return "DELETE FROM " + dialect.quote(meta.table()) + " WHERE " + dialect.quote(meta.id().column()) + " = ?";
    }

    /**
     * Deletes the links, in junctions that do not cascade, of the rows about to be deleted and of every row the
     * database will delete with them through CASCADE keys: a link left to any of them makes the delete fail.
     * {@code ids} is asked only when such a junction exists; the rows a cascade reaches only where one of them has
     * links to delete.
     *
     * @return whether there were links to look for, so that {@code ids} was asked
     */
    private boolean unlinkAll(EntityMeta meta, Supplier<Collection<Object>> ids) throws SQLException {
        if (schema.everyJunctionCascades() || !cascadeReachesLinks(meta, new HashSet<>())) {
            return false;
        }
        Map<EntityMeta, Set<Object>> seen = new HashMap<>();
        unlinkAll(meta, new ArrayList<>(ids.get()), seen);
        return true;
    }

    private void unlinkAll(EntityMeta meta, List<Object> ids, Map<EntityMeta, Set<Object>> seen) throws SQLException {
        Set<Object> done = seen.computeIfAbsent(meta, m -> new HashSet<>());
        ids.removeIf(id -> !done.add(id)); // a row a self-referencing key reaches again
        if (ids.isEmpty()) {
            return;
        }
        unlink(linksNotCascading(meta), meta, ids);
        for (ForeignKeyProperty fk : meta.referencedBy()) {
            if (fk.onDelete() == Action.CASCADE && cascadeReachesLinks(fk.owner(), new HashSet<>())) {
                unlinkAll(fk.owner(), DeleteEffects.referencing(connector, fk, ids), seen);
            }
        }
    }

    /** Whether deleting rows of {@code meta} deletes rows, its own or by CASCADE, linked in a junction that does not cascade. */
    private boolean cascadeReachesLinks(EntityMeta meta, Set<EntityMeta> visiting) {
        if (!linksNotCascading(meta).isEmpty()) {
            return true;
        }
        if (!visiting.add(meta)) {
            return false;
        }
        for (ForeignKeyProperty fk : meta.referencedBy()) {
            if (fk.onDelete() == Action.CASCADE && cascadeReachesLinks(fk.owner(), visiting)) {
                return true;
            }
        }
        return false;
    }

    /** A junction table's column that references the rows of one entity. */
    private record JunctionColumn(JunctionTable junction, String column) {
    }

    /**
     * The junction columns referencing {@code meta}'s rows whose foreign key does not delete the links with the row
     * (a table Weft did not create): deleting an object takes it out of its many-to-many relations on any schema,
     * so Weft deletes those links itself.
     */
    private List<JunctionColumn> linksNotCascading(EntityMeta meta) {
        if (schema.everyJunctionCascades()) {
            return List.of();
        }
        List<JunctionColumn> found = new ArrayList<>();
        for (EntityMeta any : metamodel.all()) {
            for (ManyToManyProperty m2m : any.manyToMany()) {
                JunctionTable junction = m2m.junction();
                if (!m2m.owning()) {
                    continue;
                }
                if (junction.owner() == meta && !schema.deleteCascades(junction.table(), junction.ownerColumn())) {
                    found.add(new JunctionColumn(junction, junction.ownerColumn()));
                }
                if (junction.target() == meta && !schema.deleteCascades(junction.table(), junction.targetColumn())) {
                    found.add(new JunctionColumn(junction, junction.targetColumn()));
                }
            }
        }
        return found;
    }

    private void unlink(List<JunctionColumn> links, EntityMeta meta, Collection<Object> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (JunctionColumn link : links) {
            PreparedStatement statement = connector.prepare("DELETE FROM " + dialect.quote(link.junction().table())
                    + " WHERE " + dialect.quote(link.column()) + " = ?");
            Persister.runBatch(statement, () -> {
                for (Object id : ids) {
                    Persister.bind(statement, 1, meta.id(), id);
                    statement.addBatch();
                }
            });
        }
    }

    /**
     * The exception for a delete of the given rows that the database refused: a RESTRICT violation naming
     * the blocking rows where a foreign-key failure explains it.
     */
    public WeftException refused(SQLException e, EntityMeta meta, List<Object> ids) {
        Optional<ConstraintFailure> failure = dialect.constraintFailure(e);
        String subject = "cannot delete " + (ids.size() == 1 ? meta.name() + "#" + ids.get(0) : ids.size() + " " + meta.name() + " rows");
        if (failure.isEmpty() || failure.get().kind() != ConstraintFailure.Kind.FOREIGN_KEY) {
            return ErrorTranslator.unexplained(subject, e);
        }
        try {
            for (Object id : ids) {
                String reason = blocker(meta, id, 0);
                if (reason != null) {
                    String who = ids.size() == 1 ? "" : " (" + meta.name() + "#" + id + ")";
                    return new RestrictViolationException(subject + who + ": " + reason
                            + "; delete or move those rows first, or change onDelete.", e);
                }
            }
        } catch (SQLException diagnosis) {
            e.addSuppressed(diagnosis);
        }
        return new RestrictViolationException(subject + ": rows of a table Weft does not map reference it "
                + "through a foreign key; delete those rows first.", e);
    }

    /** Why deleting the row would be refused, or {@code null}: the first RESTRICT key that references it. */
    private String blocker(EntityMeta meta, Object id, int depth) throws SQLException {
        for (ForeignKeyProperty fk : meta.referencedBy()) {
            if (fk.onDelete() != Action.RESTRICT) {
                continue;
            }
            long count = countReferencing(fk, id);
            if (count > 0) {
                return count + " " + fk.owner().name() + (count == 1 ? " row references" : " rows reference")
                        + " it through " + fk.qualifiedName() + " (onDelete = RESTRICT)";
            }
        }
        if (depth > 16) {
            return null;
        }
        for (ForeignKeyProperty fk : meta.referencedBy()) {
            if (fk.onDelete() != Action.CASCADE) {
                continue;
            }
            for (Object dependant : referencingIds(fk, id)) {
                String reason = blocker(fk.owner(), dependant, depth + 1);
                if (reason != null) {
                    return "deleting it would delete " + fk.owner().name() + "#" + dependant + " (" + fk.qualifiedName()
                            + " onDelete = CASCADE), and " + reason.replaceFirst(" it ", " that row ");
                }
            }
        }
        return null;
    }

    private long countReferencing(ForeignKeyProperty fk, Object id) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + dialect.quote(fk.owner().table()) + " WHERE " + dialect.quote(fk.column()) + " = ?";
        PreparedStatement statement = connector.prepare(sql);
        Persister.bind(statement, 1, fk, id);
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<Object> referencingIds(ForeignKeyProperty fk, Object id) throws SQLException {
        EntityMeta owner = fk.owner();
        String sql = "SELECT " + dialect.quote(owner.id().column()) + " FROM " + dialect.quote(owner.table())
                + " WHERE " + dialect.quote(fk.column()) + " = ? LIMIT " + MAX_BLOCKERS_SHOWN * 100;
        PreparedStatement statement = connector.prepare(sql);
        Persister.bind(statement, 1, fk, id);
        try (ResultSet rows = statement.executeQuery()) {
            return ColumnTypes.readAll(rows, owner.id().type(), connector.textReader());
        }
    }

}
