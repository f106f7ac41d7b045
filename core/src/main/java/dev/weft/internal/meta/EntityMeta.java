package dev.weft.internal.meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What Weft knows of one entity class: its table, its id, its columns and relations, and how to reach
 * its fields. Built once when the class is registered; not changed after its relations are linked.
 */
public final class EntityMeta {

    private final Class<?> type;
    private final String table;
    private final ColumnProperty id;
    private final boolean generatedId;
    private final List<ColumnProperty> columns;
    private final List<ForeignKeyProperty> foreignKeys;
    private final List<InverseProperty> inverses;
    private final List<ManyToManyProperty> manyToMany;
    private final Map<String, Property> byName;
    private final Property[] bySlot;
    private final EntityAccess access;
    private final List<ForeignKeyProperty> referencedBy = new CopyOnWriteArrayList<>();

    EntityMeta(Class<?> type, String table, ColumnProperty id, boolean generatedId, List<Property> properties,
               EntityAccess access) {
        this.type = type;
        this.table = table;
        this.id = id;
        this.generatedId = generatedId;
        this.access = access;
        List<ColumnProperty> columns = new ArrayList<>();
        List<ForeignKeyProperty> foreignKeys = new ArrayList<>();
        List<InverseProperty> inverses = new ArrayList<>();
        List<ManyToManyProperty> manyToMany = new ArrayList<>();
        Map<String, Property> byName = new LinkedHashMap<>();
        columns.add(id);
        for (Property property : properties) {
            property.owner(this);
            byName.put(property.name(), property);
            if (property instanceof ForeignKeyProperty fk) {
                foreignKeys.add(fk);
                columns.add(fk);
            } else if (property instanceof ColumnProperty column && column != id) {
                columns.add(column);
            } else if (property instanceof InverseProperty inverse) {
                inverses.add(inverse);
            } else if (property instanceof ManyToManyProperty m2m) {
                manyToMany.add(m2m);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).columnIndex(i);
        }
        this.columns = List.copyOf(columns);
        this.foreignKeys = List.copyOf(foreignKeys);
        this.inverses = List.copyOf(inverses);
        this.manyToMany = List.copyOf(manyToMany);
        this.byName = Collections.unmodifiableMap(byName);
        int slots = 0;
        for (Property property : byName.values()) {
            slots = Math.max(slots, property.slot() + 1);
        }
        this.bySlot = new Property[slots];
        byName.values().forEach(property -> bySlot[property.slot()] = property);
    }

    public Class<?> type() {
        return type;
    }

    /** The simple class name, as messages name the entity. */
    public String name() {
        return type.getSimpleName();
    }

    public String table() {
        return table;
    }

    public ColumnProperty id() {
        return id;
    }

    /** Whether SQLite generates the id on insert ({@code INTEGER PRIMARY KEY}). */
    public boolean generatedId() {
        return generatedId;
    }

    /** Every column of the table, the id first, then in field order. */
    public List<ColumnProperty> columns() {
        return columns;
    }

    public List<ForeignKeyProperty> foreignKeys() {
        return foreignKeys;
    }

    public List<InverseProperty> inverses() {
        return inverses;
    }

    public List<ManyToManyProperty> manyToMany() {
        return manyToMany;
    }

    /** The foreign keys of any registered entity that point at this one. */
    public List<ForeignKeyProperty> referencedBy() {
        return Collections.unmodifiableList(referencedBy);
    }

    void addReferencedBy(ForeignKeyProperty fk) {
        referencedBy.add(fk);
    }

    /** The persistent field with this name, or {@code null}. */
    public Property property(String name) {
        return byName.get(name);
    }

    /** The persistent field in a slot, as enhanced code numbers them. */
    public Property propertyAt(int slot) {
        return bySlot[slot];
    }

    /** Every persistent field by name, in declaration order. */
    public Map<String, Property> properties() {
        return byName;
    }

    public EntityAccess access() {
        return access;
    }

    /** Whether the id value means "not saved yet": {@code null}, or zero for a generated numeric id. */
    public boolean isUnsetId(Object idValue) {
        return idValue == null || (generatedId && ((Number) idValue).longValue() == 0);
    }

    /**
     * An id as the id field holds it: a generated id given as any integral number becomes the field's
     * type, so that {@code get(Author.class, 1)} finds the row saved with id {@code 1L}.
     */
    public Object normalizeId(Object idValue) {
        if (generatedId && idValue instanceof Number number && !(idValue instanceof Double || idValue instanceof Float)) {
            Class<?> type = id.field().getType();
            if (type == int.class || type == Integer.class) {
                return idValue instanceof Integer ? idValue : (Object) number.intValue();
            }
            return idValue instanceof Long ? idValue : (Object) number.longValue();
        }
        return idValue;
    }

    /** The entity's id, as its field holds it. */
    public Object idOf(Object entity) {
        return access.get(entity, id.slot());
    }

    @Override
    public String toString() {
        return name();
    }
}
