package dev.weft.internal.query;

import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of one statement, or of one subquery in it: the entity's table under an alias, and a JOIN for each
 * path of to-one relations that a condition, an order or {@code selectRelated} follows, written once however
 * often it is followed. A relation that may reach nothing is LEFT JOINed, and so is everything after it, so
 * that following it never drops a row; unless the statement keeps only rows that reach the table
 * ({@link #require}), where an inner JOIN gives the same rows and lets SQLite choose the order of the tables.
 */
final class Joins {

    private final Dialect dialect;
    private final EntityMeta root;
    private final String rootAlias;
    private final int[] aliasCount;
    private final Map<List<Hop>, Joined> joined = new HashMap<>();
    private final Set<List<Hop>> required = new HashSet<>();
    private final StringBuilder clause = new StringBuilder();

    private record Joined(String alias, boolean optional) {
    }

    private Joins(Dialect dialect, EntityMeta root, String rootAlias, int[] aliasCount) {
        this.dialect = dialect;
        this.root = root;
        this.rootAlias = rootAlias;
        this.aliasCount = aliasCount;
    }

    /** The tables of a statement over {@code root}, whose table is {@link QuerySql#ALIAS}. */
    static Joins of(Dialect dialect, EntityMeta root) {
        return new Joins(dialect, root, QuerySql.ALIAS, new int[1]);
    }

    /** The tables of a subquery over {@code entity}, with aliases distinct from every other in the statement. */
    Joins subquery(EntityMeta entity) {
        return new Joins(dialect, entity, newAlias(), aliasCount);
    }

    /** An alias no other table of the statement has. */
    String newAlias() {
        return "t" + ++aliasCount[0];
    }

    EntityMeta root() {
        return root;
    }

    /**
     * Says that every row the statement keeps reaches the table {@code path} leads to (a condition it must meet
     * is never true where the table is missing), so that it and the tables before it are joined inner. Only
     * before the path is first joined.
     */
    void require(List<Hop> path) {
        for (int length = path.size(); length > 0; length--) {
            List<Hop> prefix = List.copyOf(path.subList(0, length));
            if (joined.containsKey(prefix)) {
                throw new IllegalStateException(prefix + " is joined already");
            }
            required.add(prefix);
        }
    }

    /** The alias of the table {@code path} leads to, joining it (and the tables before it) on first use. */
    String alias(List<Hop> path) {
        if (path.isEmpty()) {
            return rootAlias;
        }
        Joined known = joined.get(path);
        if (known != null) {
            return known.alias();
        }
        List<Hop> parentPath = path.subList(0, path.size() - 1);
        String parent = alias(parentPath);
        Hop hop = path.get(path.size() - 1);
        boolean optional = !required.contains(path)
                && (hop.optional() || !parentPath.isEmpty() && joined.get(parentPath).optional());
        String alias = newAlias();
        EntityMeta target = hop.to();
        clause.append(optional ? " LEFT JOIN " : " JOIN ").append(dialect.quote(target.table())).append(' ')
                .append(alias).append(" ON ");
        if (hop.relation() instanceof ForeignKeyProperty key) {
            clause.append(column(alias, target.id().column())).append(" = ").append(column(parent, key.column()));
        } else if (hop.relation() instanceof InverseProperty inverse && !inverse.isCollection()) {
            clause.append(column(alias, inverse.mappedBy().column())).append(" = ")
                    .append(column(parent, hop.from().id().column()));
        } else {
            throw new IllegalArgumentException(hop + " is a to-many relation; it cannot be joined once per row");
        }
        joined.put(List.copyOf(path), new Joined(alias, optional));
        return alias;
    }

    /** {@code alias."column"}. */
    String column(String alias, String column) {
        return alias + "." + dialect.quote(column);
    }

    /** The root table and its joins, for a FROM: complete only once every path has been asked for. */
    String from() {
        return dialect.quote(root.table()) + " " + rootAlias + clause;
    }

    /** The joins alone, for a FROM that names the root table itself. */
    String joinClause() {
        return clause.toString();
    }

    String rootAlias() {
        return rootAlias;
    }
}
