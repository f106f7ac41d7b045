package dev.weft.agent.internal;

import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the enhancer needs to know about entity classes, read from {@link TypeDescription}s (a type pool), never
 * from loaded classes: annotations are matched by name, so describing a class never loads it.
 *
 * <p>The rules mirror core's {@code EntityReader}: persistent fields are the non-static, non-transient,
 * non-synthetic fields whose name does not start with {@code $weft}; slots number those of
 * {@code @MappedSuperclass} ancestors first (the farthest first), then the class's own, in declaration order.
 */
final class EntityTypes {

    static final String ENTITY = "dev.weft.Entity";
    static final String MAPPED_SUPERCLASS = "dev.weft.MappedSuperclass";
    private static final String ENHANCED = Contract.ENHANCED;
    private static final Set<String> RELATION_ANNOTATIONS = Set.of("dev.weft.ForeignKey", "dev.weft.OneToOne",
            "dev.weft.OneToMany", "dev.weft.ManyToMany");
    private static final Set<String> COLLECTION_TYPES = Set.of("java.util.List", "java.util.Set",
            "java.util.Collection", "dev.weft.RelationSet");

    private EntityTypes() {
    }

    static boolean isEntity(TypeDefinition type) {
        return hasAnnotation(type, ENTITY);
    }

    static boolean isMappedSuperclass(TypeDefinition type) {
        return hasAnnotation(type, MAPPED_SUPERCLASS);
    }

    /** An {@code @Entity} or a {@code @MappedSuperclass}: a class that the enhancer gives accessors. */
    static boolean isManaged(TypeDefinition type) {
        return isEntity(type) || isMappedSuperclass(type);
    }

    /** Whether the class itself (not an ancestor) declares {@code implements Enhanced}. */
    static boolean declaresEnhanced(TypeDescription type) {
        for (TypeDescription.Generic implemented : type.getInterfaces()) {
            if (implemented.asErasure().getName().equals(ENHANCED)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPersistent(FieldDescription field) {
        return !field.isStatic() && !field.isTransient() && !field.isSynthetic()
                && !field.getName().startsWith("$weft");
    }

    /** A persistent field of a managed class whose reads and writes go through the generated accessors. */
    static boolean isIntercepted(FieldDescription field) {
        TypeDefinition owner = field.getDeclaringType();
        return owner != null && isPersistent(field) && !field.isFinal() && isManaged(owner)
                && isEnhanceable(owner.asErasure());
    }

    /**
     * Whether {@code GETFIELD}/{@code PUTFIELD owner.name:descriptor} (owner as an internal name) reaches an
     * intercepted field. The field is looked up like the JVM does, from {@code owner} up its superclasses, on
     * erasures: in a parameterized superclass ({@code Labelled<String>}) a field's descriptor is that of its
     * substituted type, not the one in the instruction.
     */
    static boolean isInterceptedAccess(TypePool pool, String owner, String name, String descriptor) {
        return interceptedField(pool, owner, name, descriptor) != null;
    }

    /** The intercepted field that {@link #isInterceptedAccess} finds, or {@code null}. */
    static FieldDescription interceptedField(TypePool pool, String owner, String name, String descriptor) {
        TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
        if (!resolution.isResolved()) {
            return null;
        }
        try {
            for (TypeDefinition current : resolution.resolve()) {
                for (FieldDescription field : current.asErasure().getDeclaredFields()) {
                    if (field.getName().equals(name) && field.getDescriptor().equals(descriptor)) {
                        return isIntercepted(field) ? field : null;
                    }
                }
            }
        } catch (IllegalStateException unresolvable) {
            return null; // a superclass missing from the class path: nothing Weft manages
        }
        return null;
    }

    /**
     * Whether {@link #check} accepts {@code type}. Access to the fields of a class that is refused is left as
     * it is, so that using such a class fails where it is registered, with the mapping error, rather than
     * with a {@code NoSuchMethodError} wherever one of its fields is read.
     */
    static boolean isEnhanceable(TypeDescription type) {
        try {
            check(type);
            return true;
        } catch (EnhancementException refused) {
            return false;
        }
    }

    /**
     * A relation: a field whose type is an entity, a {@code List}/{@code Set}/{@code Collection}/
     * {@code RelationSet} of an entity, or a field carrying a relation annotation.
     */
    static boolean isRelation(FieldDescription field) {
        for (AnnotationDescription annotation : field.getDeclaredAnnotations()) {
            if (RELATION_ANNOTATIONS.contains(annotation.getAnnotationType().getName())) {
                return true;
            }
        }
        TypeDescription.Generic type = field.getType();
        if (type.isPrimitive() || type.isArray()) {
            return false;
        }
        if (type.getSort() == TypeDefinition.Sort.NON_GENERIC || type.getSort() == TypeDefinition.Sort.PARAMETERIZED) {
            TypeDescription erasure = type.asErasure();
            if (isEntity(erasure)) {
                return true;
            }
            if (type.getSort() == TypeDefinition.Sort.PARAMETERIZED && COLLECTION_TYPES.contains(erasure.getName())) {
                List<TypeDescription.Generic> arguments = type.getTypeArguments();
                return arguments.size() == 1 && arguments.get(0).getSort() == TypeDefinition.Sort.NON_GENERIC
                        && isEntity(arguments.get(0).asErasure());
            }
        }
        return false;
    }

    /**
     * A relation that holds one object (not declared {@code List}, {@code Set}, {@code Collection} or
     * {@code RelationSet}): it gets a peek accessor, which {@code toString}, {@code equals} and {@code hashCode}
     * read it through.
     */
    static boolean isToOneRelation(FieldDescription field) {
        return isRelation(field) && !COLLECTION_TYPES.contains(field.getType().asErasure().getName());
    }

    /**
     * A collection relation: a {@linkplain #isRelation relation} whose declared type is exactly {@code List},
     * {@code Set}, {@code Collection} or {@code RelationSet} (raw or parameterized, not a type variable), the
     * types whose unsaved collection weft-core's {@code UnsavedCollections.create} makes.
     */
    static boolean isCollectionRelation(FieldDescription field) {
        TypeDescription.Generic type = field.getType();
        boolean declared = type.getSort() == TypeDefinition.Sort.NON_GENERIC
                || type.getSort() == TypeDefinition.Sort.PARAMETERIZED;
        return declared && COLLECTION_TYPES.contains(type.asErasure().getName()) && isRelation(field);
    }

    /** The persistent fields {@code type} declares, in declaration order. */
    static List<FieldDescription.InDefinedShape> declaredPersistentFields(TypeDescription type) {
        List<FieldDescription.InDefinedShape> fields = new ArrayList<>();
        for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
            if (isPersistent(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** The managed ancestors of {@code type}, the farthest first (not {@code type} itself). */
    static List<TypeDescription> mappedAncestors(TypeDescription type) {
        Deque<TypeDescription> chain = new ArrayDeque<>();
        for (TypeDescription.Generic c = type.getSuperClass(); c != null; c = c.getSuperClass()) {
            TypeDescription erasure = c.asErasure();
            if (erasure.represents(Object.class)) {
                break;
            }
            if (isMappedSuperclass(erasure)) {
                chain.push(erasure);
            }
        }
        return new ArrayList<>(chain);
    }

    /** Slot names of {@code type}: the persistent fields of mapped ancestors first, then its own. */
    static List<String> slotNames(TypeDescription type) {
        List<String> names = new ArrayList<>();
        for (TypeDescription ancestor : mappedAncestors(type)) {
            declaredPersistentFields(ancestor).forEach(field -> names.add(field.getName()));
        }
        declaredPersistentFields(type).forEach(field -> names.add(field.getName()));
        return names;
    }

    /** The slot of the first field {@code type} declares: the number of its mapped ancestors' fields. */
    static int firstSlot(TypeDescription type) {
        int slot = 0;
        for (TypeDescription ancestor : mappedAncestors(type)) {
            slot += declaredPersistentFields(ancestor).size();
        }
        return slot;
    }

    /**
     * Refuses what cannot be enhanced, with a message naming the class, the field and the fix: records,
     * inner (non-static, local or anonymous) classes, an entity extending an entity, {@code final} persistent
     * fields, and a field that hides a persistent field of a mapped superclass.
     *
     * @throws EnhancementException if {@code type} cannot be enhanced
     */
    static void check(TypeDescription type) {
        String kind = isEntity(type) ? "@Entity" : "@MappedSuperclass";
        if (type.isRecord()) {
            throw new EnhancementException(type.getName() + " is a record annotated " + kind + ": records are immutable "
                    + "and cannot be entities; use a class with ordinary fields.");
        }
        if (type.isInterface() || type.isAnnotation() || type.isEnum()) {
            throw new EnhancementException(type.getName() + " is annotated " + kind + " but is not a class; "
                    + "annotate a class with ordinary fields.");
        }
        if (type.isAnonymousType() || type.isLocalType() || (type.isMemberType() && !type.isStatic())) {
            throw new EnhancementException(type.getName() + " is an inner class annotated " + kind + ": an entity must "
                    + "not need an enclosing instance; declare it static or top-level.");
        }
        for (TypeDescription.Generic c = type.getSuperClass(); c != null; c = c.getSuperClass()) {
            if (isEntity(c.asErasure())) {
                throw new EnhancementException(type.getName() + " extends the entity " + c.asErasure().getName()
                        + ": one entity cannot extend another; move the shared fields to a @MappedSuperclass.");
            }
        }
        Map<String, TypeDescription> inherited = new HashMap<>();
        for (TypeDescription ancestor : mappedAncestors(type)) {
            declaredPersistentFields(ancestor).forEach(field -> inherited.put(field.getName(), ancestor));
        }
        for (FieldDescription.InDefinedShape field : declaredPersistentFields(type)) {
            String name = type.getName() + "." + field.getName();
            if (field.isFinal()) {
                throw new EnhancementException(name + " is final: make it non-final so rows can be loaded into it, "
                        + "or transient if it is not persistent.");
            }
            TypeDescription hidden = inherited.get(field.getName());
            if (hidden != null) {
                throw new EnhancementException(name + " hides the persistent field " + hidden.getName() + "."
                        + field.getName() + ": rename one of them, or mark it transient.");
            }
        }
    }

    private static boolean hasAnnotation(TypeDefinition type, String annotation) {
        for (AnnotationDescription description : type.asErasure().getDeclaredAnnotations()) {
            if (description.getAnnotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }
}
