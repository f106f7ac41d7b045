package dev.weft.internal.meta;

import dev.weft.MappingException;
import dev.weft.Model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The entities registered with one database. Registering is rare; looking up is on every operation. */
public final class Metamodel {

    private final Map<Class<?>, EntityMeta> entities = new ConcurrentHashMap<>();

    /**
     * Registers the classes and every entity their relations reach, and returns the metadata of all of
     * them, newly registered or not, in a stable order.
     *
     * @throws MappingException if any of them is mapped wrongly; then nothing is registered
     */
    public List<EntityMeta> register(Collection<Class<?>> types) {
        return register(types, metas -> { });
    }

    /**
     * Registers as {@link #register(Collection)} does, running {@code beforePublishing} on the metadata
     * first: when it throws (the database lacks a table), nothing is registered.
     */
    public synchronized List<EntityMeta> register(Collection<Class<?>> types, Consumer<List<EntityMeta>> beforePublishing) {
        Map<Class<?>, EntityMeta> reached = new LinkedHashMap<>();
        List<EntityMeta> added = new ArrayList<>();
        Deque<Class<?>> pending = new ArrayDeque<>(types);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (reached.containsKey(type)) {
                continue;
            }
            if (type == Model.class) {
                throw new MappingException(Model.class.getName() + " is not an entity: it is the base class of the "
                        + "active-record style; register the @Entity classes that extend it.");
            }
            if (!EntityReader.isEntity(type)) {
                throw new MappingException(type.getName() + " is not an entity: annotate it with @dev.weft.Entity.");
            }
            EntityMeta meta = entities.get(type);
            if (meta == null) {
                meta = EntityReader.read(type);
                added.add(meta);
                pending.addAll(relatedTypes(meta));
            }
            reached.put(type, meta);
        }
        Map<Class<?>, EntityMeta> all = new HashMap<>(entities);
        all.putAll(reached);
        new RelationLinker(all).link(added);
        List<EntityMeta> result = List.copyOf(reached.values());
        beforePublishing.accept(result);
        for (EntityMeta meta : added) {
            entities.put(meta.type(), meta);
        }
        return result;
    }

    /** The metadata of a registered entity, or {@code null}. */
    public EntityMeta find(Class<?> type) {
        return entities.get(type);
    }

    public Collection<EntityMeta> all() {
        return entities.values();
    }

    private static List<Class<?>> relatedTypes(EntityMeta meta) {
        List<Class<?>> related = new ArrayList<>();
        meta.foreignKeys().forEach(fk -> related.add(fk.targetType()));
        meta.inverses().forEach(inverse -> related.add(inverse.targetType()));
        meta.manyToMany().forEach(m2m -> related.add(m2m.targetType()));
        return related;
    }
}
