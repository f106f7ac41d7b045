package dev.weft.internal.persist;

import dev.weft.Action;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What deleting rows does to the objects in memory: the database applies CASCADE and SET_NULL to rows,
 * and the loaded objects of those rows must follow. Found before the delete, while the rows still exist,
 * and only where the identity map holds objects the delete could reach, so a delete that touches no
 * loaded object costs no extra query.
 */
final class DeleteEffects {

    private static final int CHUNK = 512;

    private final Connector connector;
    private final PersistenceContext context;
    private final Map<EntityMeta, Set<Object>> deleted = new LinkedHashMap<>();
    private final Map<ForeignKeyProperty, Set<Object>> nulled = new LinkedHashMap<>();
    private final List<Object> deletedIds = new ArrayList<>();

    private DeleteEffects(Connector connector, PersistenceContext context) {
        this.connector = connector;
        this.context = context;
    }

    /**
     * The effects of deleting rows of {@code meta}; {@code ids} is asked only when some loaded object could
     * be affected.
     */
    static DeleteEffects of(Connector connector, PersistenceContext context, EntityMeta meta,
                            Supplier<Collection<Object>> ids) throws SQLException {
        DeleteEffects effects = new DeleteEffects(connector, context);
        if (effects.reachesLoaded(meta, new HashSet<>())) {
            Collection<Object> rows = ids.get();
            effects.deleted.computeIfAbsent(meta, m -> new HashSet<>()).addAll(rows);
            effects.follow(meta, rows);
        }
        return effects;
    }

    void addDeleted(EntityMeta meta, Collection<Object> ids) {
        deletedIds.addAll(ids);
        deleted.computeIfAbsent(meta, m -> new HashSet<>()).addAll(ids);
    }

    /** How many rows the delete statement itself deleted (not counting what CASCADE removed). */
    long deletedCount() {
        return deletedIds.size();
    }

    /**
     * Brings the loaded objects in line with the rows after the delete committed. The nulled keys go first, while
     * the deleted objects are still in the identity map: each key leaves its target's loaded collection or inverse
     * field as it would on a save, so that a deleted owner does not go on holding the objects that left it.
     */
    void apply(MemoryJournal journal) {
        nulled.forEach((fk, ids) -> {
            EntityMeta owner = fk.owner();
            Set<Object> gone = deleted.getOrDefault(fk.target(), Set.of());
            Set<Object> ownerGone = deleted.getOrDefault(owner, Set.of());
            for (Object id : ids) {
                Object entity = context.cached(owner, id);
                EntityState state = entity == null ? null : context.state(entity);
                if (state == null || state.status() == EntityState.Status.DELETED || ownerGone.contains(id)) {
                    continue; // a deleted object keeps showing its keys
                }
                journal.touch(entity);
                Object target = context.columnValue(owner, fk, entity);
                if (target == null || gone.contains(target)) {
                    Object from = context.loadedTarget(owner, fk, entity);
                    if (from != null) {
                        context.relations().keyMoved(entity, fk, from, null, journal);
                    }
                    owner.access().set(entity, fk.slot(), null);
                }
                if (state.snapshot() != null) {
                    state.snapshot()[fk.columnIndex()] = null;
                }
            }
        });
        boolean evicted = context.evictions() > 0;
        deleted.forEach((meta, ids) -> {
            Set<Object> unknown = new HashSet<>();
            for (Object id : ids) {
                if (!context.deletedRow(meta, id, journal) && evicted) {
                    unknown.add(id);
                }
            }
            // A loaded collection may still hold an evicted instance of a row the identity map no longer knows.
            if (!unknown.isEmpty() && context.relations().mayHold(meta)) {
                context.relations().deletedRows(meta, unknown, journal);
            }
        });
    }

    private void follow(EntityMeta meta, Collection<Object> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (ForeignKeyProperty fk : meta.referencedBy()) {
            EntityMeta owner = fk.owner();
            if (fk.onDelete() == Action.CASCADE && reachesLoaded(owner, new HashSet<>())) {
                Set<Object> seen = deleted.computeIfAbsent(owner, m -> new HashSet<>());
                List<Object> dependants = new ArrayList<>();
                for (Object id : referencing(connector, fk, ids)) {
                    if (seen.add(id)) {
                        dependants.add(id);
                    }
                }
                follow(owner, dependants);
            } else if (fk.onDelete() == Action.SET_NULL && context.holdsAny(owner)) {
                nulled.computeIfAbsent(fk, k -> new HashSet<>()).addAll(referencing(connector, fk, ids));
            }
        }
    }

    /**
     * Whether deleting rows of {@code meta} could change an object in memory: one in the identity map, or an
     * evicted instance that a loaded collection still holds. Without an eviction, a loaded collection's elements
     * are in the identity map (it holds them strongly), so the delete of rows no object shows costs no query.
     */
    private boolean reachesLoaded(EntityMeta meta, Set<EntityMeta> visiting) {
        if (context.holdsAny(meta) || context.evictions() > 0 && context.relations().mayHold(meta)) {
            return true;
        }
        if (!visiting.add(meta)) {
            return false;
        }
        for (ForeignKeyProperty fk : meta.referencedBy()) {
            if ((fk.onDelete() == Action.CASCADE && reachesLoaded(fk.owner(), visiting))
                    || (fk.onDelete() == Action.SET_NULL && context.holdsAny(fk.owner()))) {
                return true;
            }
        }
        return false;
    }

    /** The ids of the rows whose key {@code fk} holds one of {@code ids}, asked in chunks. */
    static List<Object> referencing(Connector connector, ForeignKeyProperty fk, Collection<Object> ids)
            throws SQLException {
        Dialect dialect = connector.dialect();
        EntityMeta owner = fk.owner();
        List<Object> all = new ArrayList<>(ids);
        List<Object> found = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<Object> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            // Padded to a power of two by repeating the last id, so that a few cached statements serve all sizes.
            int size = Integer.highestOneBit(chunk.size() * 2 - 1);
            StringBuilder sql = new StringBuilder("SELECT ").append(dialect.quote(owner.id().column())).append(" FROM ")
                    .append(dialect.quote(owner.table())).append(" WHERE ").append(dialect.quote(fk.column())).append(" IN (");
            for (int i = 0; i < size; i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            PreparedStatement statement = connector.prepare(sql.append(')').toString());
            for (int i = 0; i < size; i++) {
                Persister.bind(statement, i + 1, fk, chunk.get(Math.min(i, chunk.size() - 1)));
            }
            try (ResultSet rows = statement.executeQuery()) {
                found.addAll(ColumnTypes.readAll(rows, owner.id().type(), connector.textReader()));
            }
        }
        return found;
    }
}
