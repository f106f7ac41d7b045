package dev.weft.internal.meta;

import dev.weft.Action;
import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.MappedSuperclass;
import dev.weft.MappingException;
import dev.weft.NotEnhancedException;
import dev.weft.OneToMany;
import dev.weft.OneToOne;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.types.ColumnType;
import dev.weft.internal.types.ColumnTypes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one entity class into an {@link EntityMeta}, checking every rule that can be checked on the class
 * alone. Rules that involve the other side of a relation are checked by {@link RelationLinker}.
 */
final class EntityReader {

    private static final Set<Class<?>> GENERATED_ID_TYPES = Set.of(long.class, Long.class, int.class, Integer.class);
    private static final Set<Class<?>> ASSIGNED_ID_TYPES = Set.of(String.class, UUID.class);

    private final Class<?> type;

    private EntityReader(Class<?> type) {
        this.type = type;
    }

    static EntityMeta read(Class<?> type) {
        return new EntityReader(type).read();
    }

    static boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }

    private EntityMeta read() {
        checkClass();
        String[] slots = enhancedSlots();
        List<Field> fields = slots == null ? persistentFields() : inSlotOrder(persistentFields(), slots);
        List<Property> properties = new ArrayList<>();
        ColumnProperty id = null;
        Map<String, Field> columnsSeen = new HashMap<>();
        for (int slot = 0; slot < fields.size(); slot++) {
            Field field = fields.get(slot);
            Property property = readField(field, slot);
            if (field.isAnnotationPresent(Id.class)) {
                if (id != null) {
                    throw error(field, "is a second @Id (the first is " + id.name() + ")",
                            "keep @Id on one field; a composite key is not supported");
                }
                id = (ColumnProperty) property;
            }
            if (property instanceof ColumnProperty column) {
                Field clash = columnsSeen.putIfAbsent(column.column().toLowerCase(java.util.Locale.ROOT), field);
                if (clash != null && clash.getName().equals(field.getName())) {
                    throw error(field, "hides the persistent field " + clash.getDeclaringClass().getSimpleName() + "."
                            + clash.getName() + " of a superclass", "rename one of them, or mark it transient");
                }
                if (clash != null) {
                    throw error(field, "maps to column '" + column.column() + "', as "
                            + clash.getDeclaringClass().getSimpleName() + "." + clash.getName() + " does",
                            "give one of them another name with @Column(name = ...)");
                }
            }
            properties.add(property);
        }
        if (id == null) {
            throw new MappingException(type.getName() + " has no @Id field: add one, e.g. '@Id public long id;' "
                    + "(generated) or '@Id public String code;' (assigned by the application).");
        }
        if (slots == null) {
            throw notEnhanced();
        }
        return new EntityMeta(type, tableName(), id, GENERATED_ID_TYPES.contains(id.field().getType()), properties,
                new GeneratedEntityAccess(type, keySlots(properties)));
    }

    private static boolean[] keySlots(List<Property> properties) {
        boolean[] keys = new boolean[properties.stream().mapToInt(Property::slot).max().orElse(-1) + 1];
        for (Property property : properties) {
            keys[property.slot()] = property instanceof ForeignKeyProperty;
        }
        return keys;
    }

    /**
     * The fields in the slot order the enhancer wrote into the class ({@code $weft$fields}), which the enhanced
     * code passes to the interceptor.
     */
    private List<Field> inSlotOrder(List<Field> fields, String[] slots) {
        Map<String, Field> byName = new HashMap<>();
        fields.forEach(field -> byName.put(field.getName(), field));
        List<Field> ordered = new ArrayList<>();
        for (String name : slots) {
            Field field = byName.remove(name);
            if (field == null) {
                break;
            }
            ordered.add(field);
        }
        if (ordered.size() != slots.length || !byName.isEmpty()) {
            throw new NotEnhancedException(type.getName() + " was enhanced for the fields " + Arrays.toString(slots)
                    + " but declares " + fields.stream().map(Field::getName).toList() + ": it was enhanced from an "
                    + "older version of its source; rebuild it (mvn clean verify).");
        }
        return ordered;
    }

    /**
     * The slot names the enhancer recorded, or {@code null} if the class itself is not enhanced. An unenhanced
     * class is refused once its mapping has been checked, so that a mapping error, which may be why it was not
     * enhanced, is reported first.
     */
    private String[] enhancedSlots() {
        if (!Arrays.asList(type.getInterfaces()).contains(Enhanced.class)) {
            return null;
        }
        try {
            int version = type.getField(Enhanced.VERSION_FIELD).getInt(null);
            if (version != Enhanced.CONTRACT_VERSION) {
                throw new NotEnhancedException(type.getName() + " was enhanced for Weft enhancement contract version "
                        + version + ", but this weft-core uses version " + Enhanced.CONTRACT_VERSION + ": rebuild it "
                        + "(mvn clean verify) with the weft-maven-plugin or weft-agent of this Weft release.");
            }
            return (String[]) type.getField(Enhanced.FIELDS_FIELD).get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new NotEnhancedException(type.getName() + " implements " + Enhanced.class.getName() + " but lacks "
                    + "what Weft's enhancer writes (" + e.getMessage() + "): remove 'implements Enhanced' from the "
                    + "class and let the enhancer add it.", e);
        }
    }

    private NotEnhancedException notEnhanced() {
        return new NotEnhancedException(type.getName() + " is not enhanced: Weft's bytecode enhancement tracks "
                + "changed fields and loads references and relations when they are read. Enable it at build time "
                + "with the weft-maven-plugin (goals enhance and enhance-tests), at start-up with "
                + "-javaagent:weft-agent.jar, or in tests and IDEs with dev.weft.agent.WeftAgent.install() before "
                + "the entity classes are loaded.");
    }

    private void checkClass() {
        if (type.isRecord()) {
            throw new MappingException(type.getName() + " is a record: records are immutable and cannot be entities; "
                    + "use a class with ordinary fields.");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new MappingException(type.getName() + " is abstract: an entity must be a concrete class; "
                    + "use @MappedSuperclass for a shared abstract base.");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException(type.getName() + " is an inner class: an entity must not need an enclosing "
                    + "instance; declare it static or top-level.");
        }
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                throw new MappingException(type.getName() + " extends the entity " + c.getName()
                        + ": one entity cannot extend another; move the shared fields to a @MappedSuperclass.");
            }
        }
    }

    /** Fields of @MappedSuperclass ancestors first, then the class's own, each in declaration order. */
    private List<Field> persistentFields() {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == type || c.isAnnotationPresent(MappedSuperclass.class)) {
                chain.push(c);
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.getName().startsWith("$weft")) {
                    continue;
                }
                if (Modifier.isFinal(modifiers)) {
                    throw error(field, "is final", "make it non-final so rows can be loaded into it, or transient "
                            + "if it is not persistent");
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private Property readField(Field field, int slot) {
        Class<?> fieldType = field.getType();
        if (field.isAnnotationPresent(Id.class)) {
            return readId(field, slot);
        }
        CollectionKind kind = CollectionKind.of(fieldType);
        if (field.isAnnotationPresent(ManyToMany.class) || field.isAnnotationPresent(OneToMany.class)
                || (kind != null && elementType(field) != null && isEntity(elementType(field)))) {
            return readCollection(field, slot, kind);
        }
        if (isEntity(fieldType)) {
            Field owner = backrefDeclarer(fieldType, field.getName());
            if (owner != null && !field.isAnnotationPresent(ForeignKey.class) && !field.isAnnotationPresent(OneToOne.class)) {
                return new InverseProperty(field, slot, fieldType, null, owner.getName(), "");
            }
            return readToOne(field, slot);
        }
        if (field.isAnnotationPresent(ForeignKey.class) || field.isAnnotationPresent(OneToOne.class)) {
            String type = fieldType.getSimpleName();
            // A key typed as its column (String, Long) is the usual slip: the field holds the object, not its id.
            String fix = ColumnTypes.forJavaType(fieldType).isPresent()
                    ? "declare the field as the referenced entity class (Author author, not " + type + " authorId), "
                            + "or remove the relation annotation to keep a plain column"
                    : "annotate " + type + " with @Entity, or remove the relation annotation";
            throw error(field, "is a foreign key to " + fieldType.getName() + ", which is not an @Entity", fix);
        }
        if (kind != null || java.util.Collection.class.isAssignableFrom(fieldType) || Map.class.isAssignableFrom(fieldType)) {
            Class<?> element = elementType(field);
            throw error(field, "is a collection of " + (element == null ? "an unknown type" : element.getName())
                    + ", which is not an @Entity", "a collection field must hold an entity type (List<Book>), "
                    + "or be marked transient");
        }
        ColumnType columnType = ColumnTypes.forJavaType(fieldType).orElseThrow(() -> error(field,
                "has the type " + fieldType.getName() + ", which Weft cannot store",
                "use one of " + ColumnTypes.supportedTypes() + ", or mark the field transient"));
        Column column = field.getAnnotation(Column.class);
        boolean nullable = !fieldType.isPrimitive();
        boolean unique = false;
        String name = Naming.snakeCase(field.getName());
        if (column != null) {
            nullable = nullable && column.nullable();
            unique = column.unique();
            name = column.name().isEmpty() ? name : column.name();
        }
        return new ColumnProperty(field, slot, name, columnType, nullable, unique);
    }

    private ColumnProperty readId(Field field, int slot) {
        Class<?> idType = field.getType();
        if (!GENERATED_ID_TYPES.contains(idType) && !ASSIGNED_ID_TYPES.contains(idType)) {
            throw error(field, "is an @Id of type " + idType.getName(),
                    "use long or Long (generated by SQLite), or String or UUID (assigned by the application)");
        }
        if (field.isAnnotationPresent(Column.class)) {
            throw error(field, "has both @Id and @Column", "name the id column with @Id(column = ...)");
        }
        String column = field.getAnnotation(Id.class).column();
        return new ColumnProperty(field, slot, column.isEmpty() ? Naming.snakeCase(field.getName()) : column,
                ColumnTypes.forJavaType(idType).orElseThrow(), false, true);
    }

    private ForeignKeyProperty readToOne(Field field, int slot) {
        Class<?> target = field.getType();
        ForeignKey fk = field.getAnnotation(ForeignKey.class);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        if (fk != null && oneToOne != null) {
            throw error(field, "has both @ForeignKey and @OneToOne", "keep one: @OneToOne is @ForeignKey(unique = true)");
        }
        Action onDelete = fk != null ? fk.onDelete() : oneToOne != null ? oneToOne.onDelete() : Action.RESTRICT;
        Action onUpdate = fk != null ? fk.onUpdate() : oneToOne != null ? oneToOne.onUpdate() : Action.CASCADE;
        boolean nullable = fk != null ? fk.nullable() : oneToOne != null && oneToOne.nullable();
        boolean unique = fk != null ? fk.unique() : oneToOne != null;
        String backref = fk != null ? fk.backref() : oneToOne != null ? oneToOne.backref() : "";
        String column = fk != null ? fk.column() : oneToOne != null ? oneToOne.column() : "";
        if (!nullable && (onDelete == Action.SET_NULL || onUpdate == Action.SET_NULL)) {
            throw error(field, "uses " + (onDelete == Action.SET_NULL ? "onDelete" : "onUpdate")
                    + " = SET_NULL but its key is not nullable", "add nullable = true, or choose CASCADE or RESTRICT");
        }
        // The target's id type is only known once the target is read; RelationLinker fills it in.
        return new ForeignKeyProperty(field, slot, column.isEmpty() ? Naming.snakeCase(field.getName()) + "_id" : column,
                null, nullable, unique, target, onDelete, onUpdate, backref);
    }

    private Property readCollection(Field field, int slot, CollectionKind kind) {
        if (kind == null) {
            throw error(field, "is a relation declared as " + field.getType().getName(),
                    "declare it as List<E>, Set<E>, Collection<E> or RelationSet<E>");
        }
        Class<?> element = elementType(field);
        if (element == null || !isEntity(element)) {
            throw error(field, "is a collection of " + (element == null ? "an unknown type" : element.getName())
                    + ", which is not an @Entity", "declare the element type as an @Entity class (List<Book>)");
        }
        ManyToMany m2m = field.getAnnotation(ManyToMany.class);
        OneToMany o2m = field.getAnnotation(OneToMany.class);
        if (m2m != null && o2m != null) {
            throw error(field, "has both @ManyToMany and @OneToMany", "keep the one that describes the relation");
        }
        if (m2m != null) {
            if (!m2m.mappedBy().isEmpty() && (!m2m.through().isEmpty() || !m2m.joinColumn().isEmpty()
                    || !m2m.inverseJoinColumn().isEmpty())) {
                throw error(field, "is the inverse side (mappedBy = \"" + m2m.mappedBy() + "\") but names junction details",
                        "declare through, joinColumn and inverseJoinColumn on the owning side " + element.getSimpleName()
                                + "." + m2m.mappedBy());
            }
            return new ManyToManyProperty(field, slot, element, kind, m2m.through(), m2m.backref(), m2m.mappedBy(),
                    m2m.joinColumn(), m2m.inverseJoinColumn());
        }
        Field owner = o2m == null ? backrefDeclarer(element, field.getName()) : null;
        if (owner != null && owner.isAnnotationPresent(ManyToMany.class)) {
            return new ManyToManyProperty(field, slot, element, kind, "", "", owner.getName(), "", "");
        }
        return new InverseProperty(field, slot, element, kind, o2m == null ? "" : o2m.mappedBy(),
                o2m == null ? "" : o2m.orderBy());
    }

    /**
     * The field of {@code target} (or its mapped superclasses) whose relation to this class names
     * {@code fieldName} as its backref: the owning side of which {@code fieldName} is the inverse.
     */
    private Field backrefDeclarer(Class<?> target, String fieldName) {
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field candidate : c.getDeclaredFields()) {
                String backref = backrefOf(candidate);
                Class<?> points = isEntity(candidate.getType()) ? candidate.getType() : elementType(candidate);
                if (fieldName.equals(backref) && points != null && points.isAssignableFrom(type)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String backrefOf(Field field) {
        ForeignKey fk = field.getAnnotation(ForeignKey.class);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        ManyToMany m2m = field.getAnnotation(ManyToMany.class);
        return fk != null ? fk.backref() : oneToOne != null ? oneToOne.backref() : m2m != null ? m2m.backref() : "";
    }

    private static Class<?> elementType(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private String tableName() {
        String table = type.getAnnotation(Entity.class).table();
        return table.isEmpty() ? Naming.snakeCase(type.getSimpleName()) : table;
    }

    private MappingException error(Field field, String problem, String fix) {
        return new MappingException(type.getSimpleName() + "." + field.getName() + " " + problem + ": " + fix + ".");
    }
}
