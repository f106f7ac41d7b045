package dev.weft.internal.query;

import dev.weft.QueryException;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A path of field names joined by {@code __}, read from an entity: the relations it follows ({@code hops}) and
 * the field it ends at. Reading a path checks every name, so a wrong one fails at the call that gives it.
 *
 * @param hops the relations followed, in order, before {@code end}
 * @param end  the last field named: a column, or a relation
 */
record RelationPath(List<Hop> hops, Property end) {

    /**
     * Reads the first {@code count} names of {@code parts} from {@code root}; {@code text} is the whole lookup,
     * for messages. Every name but the last must be a relation.
     */
    static RelationPath read(EntityMeta root, String text, String[] parts, int count) {
        EntityMeta current = root;
        List<Hop> hops = new ArrayList<>();
        for (int i = 0; ; i++) {
            Property property = current.property(parts[i]);
            if (property == null) {
                boolean lastAfterRelation = i > 0 && i == parts.length - 1;
                throw new QueryException("Unknown field '" + parts[i] + "' in \"" + text + "\": " + current.name()
                        + " has " + String.join(", ", current.properties().keySet())
                        + (lastAfterRelation ? "; a lookup after a relation compares its id, with " + Lookup.allNames()
                        : "") + ".");
            }
            if (i == count - 1) {
                return new RelationPath(List.copyOf(hops), property);
            }
            Hop hop = Hop.of(property);
            if (hop == null) {
                throw new QueryException("Unknown lookup '" + parts[i + 1] + "' in \"" + text + "\": "
                        + property.qualifiedName() + " is not a relation, so no field can follow it, and the lookups are "
                        + Lookup.allNames() + ".");
            }
            hops.add(hop);
            current = hop.to();
        }
    }

    /**
     * The names of a path, split at each {@code __} as {@code path.split("__", -1)} would, without the regular
     * expression that a two-character separator costs {@code String.split} on every call (every filter, order and
     * related path of every query).
     */
    static String[] names(String path) {
        int at = path.indexOf("__");
        if (at < 0) {
            return new String[] {path};
        }
        List<String> names = new ArrayList<>(4);
        int start = 0;
        for (; at >= 0; at = path.indexOf("__", start)) {
            names.add(path.substring(start, at));
            start = at + 2;
        }
        names.add(path.substring(start));
        return names.toArray(new String[0]);
    }

    /**
     * Reads a path that names a relation, each of whose names must be one: the argument of
     * {@code selectRelated} and {@code prefetchRelated}, given as {@code call} for messages.
     */
    static List<Hop> relations(EntityMeta root, String path, String call) {
        if (path == null) {
            throw new NullPointerException(call + "(...) on " + root.name() + " got a null path; give a relation "
                    + "field (\"author\") or a path of them (\"author__publisher\"); the relations of " + root.name()
                    + " are " + relationNames(root) + ".");
        }
        String[] parts = names(path);
        EntityMeta current = root;
        List<Hop> hops = new ArrayList<>(parts.length);
        for (String part : parts) {
            Property property = current.property(part);
            Hop hop = property == null ? null : Hop.of(property);
            if (hop == null) {
                throw new QueryException(call + "(\"" + path + "\") on " + root.name() + ": " + current.name()
                        + (property == null ? " has no field '" + part + "'" : "." + part + " is not a relation")
                        + "; the relations of " + current.name() + " are " + relationNames(current) + ".");
            }
            hops.add(hop);
            current = hop.to();
        }
        return List.copyOf(hops);
    }

    /** The relation fields of an entity, for messages. */
    static String relationNames(EntityMeta meta) {
        String names = meta.properties().values().stream().filter(p -> Hop.of(p) != null).map(Property::name)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }
}
