package dev.weft.agent.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Reflective access to fixture classes loaded by a {@link ChildFirstLoader}: the test code cannot name them, as
 * its own copies are the unenhanced ones of the application class loader.
 */
public final class Fixtures {

    private final ChildFirstLoader loader;

    public Fixtures(ChildFirstLoader loader) {
        this.loader = loader;
    }

    public Class<?> type(String name) {
        return loader.type(name);
    }

    public Object create(String type, Object... arguments) {
        for (Constructor<?> constructor : type(type).getConstructors()) {
            if (constructor.getParameterCount() == arguments.length) {
                try {
                    return constructor.newInstance(arguments);
                } catch (InvocationTargetException e) {
                    throw rethrow(e);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no public constructor of " + type + " takes " + arguments.length);
    }

    /** Calls the static method {@code type.method(arguments)}. */
    public Object callStatic(String type, String method, Object... arguments) {
        return invoke(type(type), null, method, arguments);
    }

    /** Calls the instance method {@code target.method(arguments)}. */
    public Object call(Object target, String method, Object... arguments) {
        return invoke(target.getClass(), target, method, arguments);
    }

    /** Reads a field reflectively: reflection is never rewritten, so this sees the raw value. */
    public static Object raw(Object target, String field) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field declared = c.getDeclaredField(field);
                declared.setAccessible(true);
                return declared.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no field " + field + " in " + target.getClass());
    }

    private static Object invoke(Class<?> type, Object target, String name, Object[] arguments) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                    try {
                        method.setAccessible(true);
                        return method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw rethrow(e);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no method " + name + Arrays.toString(arguments) + " in " + type);
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }
}
