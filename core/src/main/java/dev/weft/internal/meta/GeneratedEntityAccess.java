package dev.weft.internal.meta;

import dev.weft.MappingException;
import dev.weft.WeftException;
import dev.weft.internal.enhance.Enhanced;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@link EntityAccess} through the slot accessors that enhancement generates in every entity class
 * ({@link Enhanced#$weft$get}, {@link Enhanced#$weft$set}): a switch on the slot and a plain field access, which
 * the JIT inlines where a var handle chosen at run time would not be. A read of a foreign key whose object waits
 * ({@link DeferredKeys}) makes the object first.
 */
final class GeneratedEntityAccess implements EntityAccess {

    private final Class<?> type;
    private final MethodHandle constructor;
    /** By slot, whether the field is a foreign key, whose object may wait to be made ({@link DeferredKeys}). */
    private final boolean[] keySlots;

    GeneratedEntityAccess(Class<?> type, boolean[] keySlots) {
        this.type = type;
        this.keySlots = keySlots.clone();
        try {
            this.constructor = MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new MappingException(type.getName() + " has no no-argument constructor to load rows with: "
                    + "add one (it may be private), or enable Weft's enhancement, which adds it.", e);
        } catch (IllegalAccessException e) {
            throw new MappingException("Weft cannot access the constructor of " + type.getName()
                    + ": open its package to dev.weft (module-info 'opens').", e);
        }
    }

    @Override
    public Object get(Object entity, int slot) {
        Enhanced enhanced = (Enhanced) entity;
        if (isKey(slot) && enhanced.$weft$interceptor() instanceof DeferredKeys keys) {
            // first: its volatile read of what waits orders this read of the field after another thread's settling
            keys.resolveKey(entity, slot);
        }
        return enhanced.$weft$get(slot);
    }

    @Override
    public void set(Object entity, int slot, Object value) {
        Enhanced enhanced = (Enhanced) entity;
        enhanced.$weft$set(slot, value);
        if (isKey(slot) && enhanced.$weft$interceptor() instanceof DeferredKeys keys) {
            keys.keyWritten(slot); // after the field: a thread that sees the key settled must see its value
        }
    }

    private boolean isKey(int slot) {
        return slot < keySlots.length && keySlots[slot];
    }

    @Override
    public Object newInstance() {
        try {
            return constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new WeftException("The no-argument constructor of " + type.getName() + " failed: " + e, e);
        }
    }
}
