package dev.weft.agent.internal;

import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.FieldPersistence;
import net.bytebuddy.description.modifier.MethodManifestation;
import net.bytebuddy.description.modifier.ModifierContributor;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isVisibleTo;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The Weft enhancer: one Byte Buddy {@link Plugin} that the Maven plugin runs through {@link Plugin.Engine}
 * and the {@code -javaagent} through {@code AgentBuilder}. It writes what weft-core's {@code Enhanced} describes
 * ({@link Contract}).
 *
 * <p>For an {@code @Entity} or {@code @MappedSuperclass} class it adds, unless the class already declares
 * {@code implements Enhanced}:
 * <ul>
 *   <li>{@code implements Enhanced}; the {@code private transient} field {@code $weft$interceptor} and the two
 *       interface methods over it, in the topmost managed class only (a mapped superclass holds them for its
 *       entities);</li>
 *   <li>for every persistent field {@code f} the class declares, {@code public final synthetic}
 *       {@code $weft$read$f()} and {@code $weft$write$f(value)}, which call {@code beforeRead}/{@code beforeWrite}
 *       (scalar fields) or {@code beforeRelationRead}/{@code beforeRelationWrite} (relations) with the field's
 *       slot when an interceptor is attached, and then read or write the field; without an interceptor (a new
 *       object), reading a collection relation that is {@code null} first sets it to an empty collection from
 *       weft-core's {@code UnsavedCollections} ({@link AccessorCode});</li>
 *   <li>{@code public synthetic} {@code $weft$get(int slot)} and {@code $weft$set(int slot, Object value)}, the
 *       runtime's own access to the fields by slot, without the interceptor ({@link SlotAccessCode}); an entity's
 *       pass the slots of its mapped superclass on to the superclass's;</li>
 *   <li>{@code public static final String[] $weft$fields} (slot order, mapped superclass fields first) and
 *       {@code public static final int $weft$version};</li>
 *   <li>a no-argument constructor when there is none: {@code private} in an entity, {@code protected} in a mapped
 *       superclass.</li>
 * </ul>
 * In every class in scope, entities included, {@code GETFIELD}/{@code PUTFIELD} of a persistent field of a
 * managed class becomes a call of its accessor ({@link FieldAccessRewriter}). Nothing else is touched: no
 * {@code toString}, {@code equals} or {@code hashCode} is added or changed.
 *
 * <p>When the engine runs a preprocessing pass ({@link #onPreprocess}), classes that need no work (already
 * enhanced, or without access to a persistent field) are not matched, so that a second run over the same
 * classes transforms nothing. Without one (the agent), every class in scope is offered to {@link #apply}.
 */
public final class WeftEnhancer implements Plugin, Plugin.WithPreprocessor {

    private static final int ACCESSOR = ModifierContributor.Resolver.of(Visibility.PUBLIC, MethodManifestation.FINAL,
            SyntheticState.SYNTHETIC).resolve();
    /** Not final: an entity's slot accessors extend those of its mapped superclass. */
    private static final int SLOT_ACCESSOR = Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC;

    private final Scope scope;
    /** Per class name, whether the preprocessing pass found work; absent when there was no such pass. */
    private final Map<String, Boolean> planned = new ConcurrentHashMap<>();
    private ClassFileLocator poolLocator;
    private TypePool pool;

    public WeftEnhancer() {
        this(Scope.everything());
    }

    public WeftEnhancer(Scope scope) {
        this.scope = scope;
    }

    @Override
    public boolean matches(TypeDescription type) {
        if (!scope.includes(type)) {
            return false;
        }
        Boolean work = planned.get(type.getName());
        return work == null || work;
    }

    @Override
    public void onPreprocess(TypeDescription type, ClassFileLocator locator) {
        if (!scope.includes(type)) {
            return;
        }
        byte[] classFile = classFile(type, locator);
        if (classFile == null) {
            return;
        }
        ClassFileSummary summary = ClassFileSummary.of(classFile);
        boolean work;
        if (EntityTypes.isManaged(type) && EntityTypes.declaresEnhanced(type)) {
            Integer version = summary.version();
            work = version == null || version != Contract.VERSION; // apply() reports the problem
        } else if (EntityTypes.isManaged(type)) {
            work = true;
        } else {
            TypePool types = pool(locator);
            work = summary.instanceFieldAccesses().stream().anyMatch(access ->
                    EntityTypes.isInterceptedAccess(types, access.owner(), access.name(), access.descriptor()));
        }
        planned.put(type.getName(), work);
    }

    @Override
    public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type, ClassFileLocator locator) {
        if (EntityTypes.isManaged(type)) {
            if (EntityTypes.declaresEnhanced(type)) {
                checkVersion(type, locator);
                return builder;
            }
            EntityTypes.check(type);
            TypePool types = pool(locator);
            builder = enhance(builder, type, contract(types, Contract.ENHANCED),
                    contract(types, Contract.FIELD_INTERCEPTOR));
        }
        return builder.visit(FieldAccessRewriter.INSTANCE);
    }

    @Override
    public void close() {
        planned.clear();
        synchronized (this) {
            poolLocator = null;
            pool = null;
        }
    }

    /**
     * A type of weft-core's contract, described from the class path being enhanced (the application's, which has
     * weft-core on it), so that the enhancer needs no copy of weft-core of its own.
     */
    private static TypeDescription contract(TypePool types, String name) {
        TypePool.Resolution resolution = types.describe(name);
        if (!resolution.isResolved()) {
            throw new EnhancementException("weft-core is not on the class path of the classes being enhanced (" + name
                    + " was not found): add the dev.weft:weft-core dependency to the project.");
        }
        return resolution.resolve();
    }

    private static DynamicType.Builder<?> enhance(DynamicType.Builder<?> builder, TypeDescription type,
                                                  TypeDescription enhanced, TypeDescription interceptor) {
        boolean root = EntityTypes.mappedAncestors(type).isEmpty();
        if (root) {
            builder = builder
                    .defineField(Contract.INTERCEPTOR_FIELD, interceptor, Visibility.PRIVATE, FieldPersistence.TRANSIENT,
                            SyntheticState.SYNTHETIC)
                    .implement(enhanced).intercept(FieldAccessor.ofField(Contract.INTERCEPTOR_FIELD));
        } else {
            builder = builder.implement(enhanced);
        }
        int firstSlot = EntityTypes.firstSlot(type);
        List<FieldDescription.InDefinedShape> fields = EntityTypes.declaredPersistentFields(type);
        int slot = firstSlot;
        for (FieldDescription.InDefinedShape field : fields) {
            builder = accessors(builder, field, slot++);
        }
        TypeDescription delegate = root ? null : type.getSuperClass().asErasure();
        builder = builder
                .defineMethod(Contract.GET_BY_SLOT, Object.class, SLOT_ACCESSOR).withParameters(int.class)
                .intercept(new SlotAccessCode(SlotAccessCode.Kind.GET, fields, firstSlot, delegate))
                .defineMethod(Contract.SET_BY_SLOT, void.class, SLOT_ACCESSOR).withParameters(int.class, Object.class)
                .intercept(new SlotAccessCode(SlotAccessCode.Kind.SET, fields, firstSlot, delegate));
        builder = builder
                .defineField(Contract.FIELDS_FIELD, String[].class, Visibility.PUBLIC, Ownership.STATIC,
                        FieldManifestation.FINAL)
                .defineField(Contract.VERSION_FIELD, int.class, Visibility.PUBLIC, Ownership.STATIC,
                        FieldManifestation.FINAL).value(Contract.VERSION)
                .initializer(new SlotTable(EntityTypes.slotNames(type)));
        return noArgumentConstructor(builder, type);
    }

    private static DynamicType.Builder<?> accessors(DynamicType.Builder<?> builder, FieldDescription.InDefinedShape field,
                                                    int slot) {
        boolean relation = EntityTypes.isRelation(field);
        AccessorCode.Kind read = EntityTypes.isCollectionRelation(field) ? AccessorCode.Kind.COLLECTION_READ
                : AccessorCode.Kind.of(relation, false);
        TypeDescription fieldType = field.getType().asErasure();
        builder = builder
                .defineMethod(Contract.READ_PREFIX + field.getName(), fieldType, ACCESSOR)
                .intercept(new AccessorCode(field, slot, read))
                .defineMethod(Contract.WRITE_PREFIX + field.getName(), void.class, ACCESSOR)
                .withParameters(fieldType)
                .intercept(new AccessorCode(field, slot, AccessorCode.Kind.of(relation, true)));
        if (EntityTypes.isToOneRelation(field)) {
            builder = builder.defineMethod(Contract.PEEK_PREFIX + field.getName(), fieldType, ACCESSOR)
                    .intercept(new AccessorCode(field, slot, AccessorCode.Kind.TO_ONE_PEEK));
        }
        return builder;
    }

    /**
     * A no-argument constructor that calls the superclass's, when the class declares none. A mapped
     * superclass that declares none gets one from its own enhancement, so it is called even when the
     * superclass is described from its unenhanced class file (both are enhanced in the same build).
     */
    private static DynamicType.Builder<?> noArgumentConstructor(DynamicType.Builder<?> builder, TypeDescription type) {
        if (!type.getDeclaredMethods().filter(isConstructor().and(takesArguments(0))).isEmpty()) {
            return builder;
        }
        TypeDescription superType = type.getSuperClass().asErasure();
        MethodList<MethodDescription.InDefinedShape> declared = superType.getDeclaredMethods()
                .filter(isConstructor().and(takesArguments(0)));
        MethodDescription superConstructor;
        if (!declared.filter(isVisibleTo(type)).isEmpty()) {
            superConstructor = declared.filter(isVisibleTo(type)).getOnly();
        } else if (declared.isEmpty() && EntityTypes.isMappedSuperclass(superType)) {
            superConstructor = new MethodDescription.Latent(superType, MethodDescription.CONSTRUCTOR_INTERNAL_NAME,
                    Opcodes.ACC_PROTECTED, Collections.emptyList(), TypeDescription.ForLoadedType.of(void.class).asGenericType(),
                    Collections.emptyList(), Collections.emptyList(), Collections.emptyList(), null,
                    TypeDescription.Generic.UNDEFINED);
        } else {
            throw new EnhancementException(type.getName() + " has no no-argument constructor, and its superclass "
                    + superType.getName() + " has none it can call: add a no-argument constructor (it may be private) "
                    + "to " + type.getSimpleName() + ", or a visible one to " + superType.getSimpleName() + ".");
        }
        return builder.defineConstructor(EntityTypes.isEntity(type) ? Visibility.PRIVATE : Visibility.PROTECTED)
                .intercept(MethodCall.invoke(superConstructor));
    }

    private static void checkVersion(TypeDescription type, ClassFileLocator locator) {
        byte[] classFile = classFile(type, locator);
        if (classFile == null) {
            return; // nothing to compare with: leave the class as it is
        }
        Integer version = ClassFileSummary.of(classFile).version();
        if (version == null) {
            throw new IllegalStateException(type.getName() + " implements " + Contract.ENHANCED
                    + " but has no " + Contract.VERSION_FIELD + ": only Weft's enhancer may implement it; remove "
                    + "'implements Enhanced' from the class and let the enhancer add it.");
        }
        if (version != Contract.VERSION) {
            throw new IllegalStateException(type.getName() + " was enhanced for Weft enhancement contract version "
                    + version + ", but this enhancer and its runtime use version " + Contract.VERSION
                    + ": rebuild it from source (mvn clean verify) with matching weft-core and weft-maven-plugin "
                    + "versions.");
        }
    }

    private static byte[] classFile(TypeDescription type, ClassFileLocator locator) {
        try {
            ClassFileLocator.Resolution resolution = locator.locate(type.getName());
            return resolution.isResolved() ? resolution.resolve() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private synchronized TypePool pool(ClassFileLocator locator) {
        if (locator != poolLocator) {
            poolLocator = locator;
            pool = TypePool.Default.WithLazyResolution.of(locator);
        }
        return pool;
    }
}
