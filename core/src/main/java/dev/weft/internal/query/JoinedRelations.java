package dev.weft.internal.query;

import dev.weft.QueryException;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.persist.EntityState;
import dev.weft.internal.persist.LoadBatch;
import dev.weft.internal.persist.PersistenceContext;
import dev.weft.internal.persist.RowReader;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The to-one relations a query reads in its own statement ({@code selectRelated}): each path is joined, its
 * columns follow the entity's, and each row's related objects are made from them. An immutable value.
 */
final class JoinedRelations {

    static final JoinedRelations NONE = new JoinedRelations(List.of(), 0);

    /** Every path asked for and each of its prefixes, each after its prefix. */
    private final List<List<Hop>> paths;
    /** For each path, the index of its prefix in {@link #paths}, or -1 where it starts at the row's entity. */
    private final int[] parents;
    /** For each path, the result column its entity's columns start at. */
    private final int[] offsets;
    private final int rootColumns;

    private JoinedRelations(List<List<Hop>> paths, int rootColumns) {
        this.paths = paths;
        this.rootColumns = rootColumns;
        this.parents = new int[paths.size()];
        this.offsets = new int[paths.size()];
        int offset = rootColumns + 1;
        for (int i = 0; i < paths.size(); i++) {
            List<Hop> path = paths.get(i);
            parents[i] = paths.indexOf(path.subList(0, path.size() - 1));
            offsets[i] = offset;
            offset += path.get(path.size() - 1).to().columns().size();
        }
    }

    /** These relations and those {@code names} give, read from {@code root}; each name checked now. */
    JoinedRelations with(EntityMeta root, String... names) {
        List<List<Hop>> more = new ArrayList<>(paths);
        for (String name : names) {
            List<Hop> path = RelationPath.relations(root, name, "selectRelated");
            for (Hop hop : path) {
                if (hop.toMany()) {
                    throw new QueryException("selectRelated(\"" + name + "\") on " + root.name() + ": " + hop
                            + " is a to-many relation, which one row cannot hold; load it with prefetchRelated(\""
                            + name + "\"). The relations of " + hop.from().name() + " are "
                            + RelationPath.relationNames(hop.from()) + ".");
                }
            }
            for (int end = 1; end <= path.size(); end++) {
                List<Hop> prefix = List.copyOf(path.subList(0, end));
                if (!more.contains(prefix)) {
                    more.add(prefix);
                }
            }
        }
        return new JoinedRelations(List.copyOf(more), root.columns().size());
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    /** The columns of the related entities, after the entity's own, joining their tables into {@code sql}. */
    String columns(Dialect dialect, StatementSql sql) {
        StringBuilder columns = new StringBuilder();
        for (List<Hop> path : paths) {
            EntityMeta entity = path.get(path.size() - 1).to();
            columns.append(", ").append(QuerySql.columns(dialect, entity, sql.joins().alias(path)));
        }
        return columns.toString();
    }

    /** What reads the related objects of each path, for one result set. */
    RowReader[] readers(PersistenceContext context, LoadBatch batch) {
        RowReader[] readers = new RowReader[paths.size()];
        for (int i = 0; i < readers.length; i++) {
            List<Hop> path = paths.get(i);
            readers[i] = context.reader(path.get(path.size() - 1).to(), batch);
        }
        return readers;
    }

    /**
     * Makes the related objects of the row at the cursor, whose own object is {@code root}: each row once,
     * through the identity map, and an inverse one-to-one field set (to {@code null} where the row has none)
     * unless it was loaded before.
     */
    void read(PersistenceContext context, Object root, ResultSet row, RowReader[] readers) throws SQLException {
        Object[] objects = new Object[paths.size()];
        for (int i = 0; i < objects.length; i++) {
            Object parent = parents[i] < 0 ? root : objects[parents[i]];
            if (parent == null) {
                continue;
            }
            List<Hop> path = paths.get(i);
            Hop hop = path.get(path.size() - 1);
            Object related = readers[i].read(row, offsets[i]);
            objects[i] = related;
            if (hop.relation() instanceof ForeignKeyProperty key && related != null) {
                // The key waits since its row was read: the joined object is its object, held by the field from now.
                EntityState state = context.trackedState(parent);
                if (state != null && state.keyDeferred(key.slot())) {
                    key.owner().access().set(parent, key.slot(), related);
                }
            } else if (hop.relation() instanceof InverseProperty inverse) {
                EntityState state = context.trackedState(parent);
                if (state != null && !state.inverseLoaded(inverse.slot())) {
                    inverse.owner().access().set(parent, inverse.slot(), related);
                    state.inverseLoaded(inverse.slot(), true);
                }
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JoinedRelations that && paths.equals(that.paths) && rootColumns == that.rootColumns;
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return paths.toString();
    }
}
