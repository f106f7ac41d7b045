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
 * the JIT inlines where a var handle chosen at run time would not be.
 */
final class GeneratedEntityAccess implements EntityAccess {

    private final Class<?> type;
    private final MethodHandle constructor;

    GeneratedEntityAccess(Class<?> type) {
        this.type = type;
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
        return ((Enhanced) entity).$weft$get(slot);
    }

    @Override
    public void set(Object entity, int slot, Object value) {
        ((Enhanced) entity).$weft$set(slot, value);
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
