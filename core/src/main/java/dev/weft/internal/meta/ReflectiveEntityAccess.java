package dev.weft.internal.meta;

import dev.weft.MappingException;
import dev.weft.WeftException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.List;

/**
 * {@link EntityAccess} through var handles looked up once per class, for classes that carry no generated
 * accessors.
 */
final class ReflectiveEntityAccess implements EntityAccess {

    private final Class<?> type;
    private final VarHandle[] handles;
    private final Object[] zeroValues;
    private final MethodHandle constructor;

    ReflectiveEntityAccess(Class<?> type, List<Field> fields) {
        this.type = type;
        this.handles = new VarHandle[fields.size()];
        this.zeroValues = new Object[fields.size()];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            for (int slot = 0; slot < fields.size(); slot++) {
                Field field = fields.get(slot);
                handles[slot] = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup())
                        .unreflectVarHandle(field);
                zeroValues[slot] = zeroValue(field.getType());
            }
            this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
        } catch (NoSuchMethodException e) {
            throw new MappingException(type.getName() + " has no no-argument constructor to load rows with: "
                    + "add one (it may be private), or enable Weft's enhancement, which adds it.", e);
        } catch (IllegalAccessException e) {
            throw new MappingException("Weft cannot access the fields of " + type.getName()
                    + ": open its package to dev.weft (module-info 'opens').", e);
        }
    }

    @Override
    public Object get(Object entity, int slot) {
        return handles[slot].get(entity);
    }

    @Override
    public void set(Object entity, int slot, Object value) {
        handles[slot].set(entity, value == null ? zeroValues[slot] : value);
    }

    @Override
    public Object newInstance() {
        try {
            return constructor.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new WeftException("The no-argument constructor of " + type.getName() + " failed: " + e, e);
        }
    }

    private static Object zeroValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return (byte) 0;
    }
}
