package dev.weft.internal.query;

import dev.weft.internal.meta.EntityMeta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations a query loads after its rows ({@code prefetchRelated}), as paths from the queried entity: one
 * statement per relation of each level, for the objects of the level before, whatever their number. Paths that
 * share a beginning share its statements. An immutable value.
 */
record PrefetchPaths(List<List<Hop>> paths) {

    static final PrefetchPaths NONE = new PrefetchPaths(List.of());

    /** These paths and those {@code names} give, read from {@code root}; each name checked now. */
    PrefetchPaths with(EntityMeta root, String... names) {
        List<List<Hop>> more = new ArrayList<>(paths);
        for (String name : names) {
            List<Hop> path = RelationPath.relations(root, name, "prefetchRelated");
            if (!more.contains(path)) {
                more.add(path);
            }
        }
        return new PrefetchPaths(List.copyOf(more));
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Loads every path for {@code rows}, level by level. */
    void load(RelationLoader loader, List<?> rows) {
        load(loader, new ArrayList<>(rows), paths, 0);
    }

    private static void load(RelationLoader loader, List<Object> owners, List<List<Hop>> paths, int depth) {
        Map<Hop, List<List<Hop>>> byNext = new LinkedHashMap<>();
        for (List<Hop> path : paths) {
            if (path.size() > depth) {
                byNext.computeIfAbsent(path.get(depth), hop -> new ArrayList<>()).add(path);
            }
        }
        for (Map.Entry<Hop, List<List<Hop>>> next : byNext.entrySet()) {
            boolean deeper = next.getValue().stream().anyMatch(path -> path.size() > depth + 1);
            List<Object> related = loader.prefetch(owners, next.getKey().relation(), deeper);
            if (!related.isEmpty()) {
                load(loader, related, next.getValue(), depth + 1);
            }
        }
    }
}
