package dev.weft.agent.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the fixture classes ({@code example.*}) from a folder itself, everything else from its parent: a fresh
 * copy of the fixtures per test, enhanced or not, next to the shared weft-core and test libraries.
 */
public final class ChildFirstLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Path root;

    public ChildFirstLoader(Path root, ClassLoader parent) {
        super("weft-fixtures", parent);
        this.root = root;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("example.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                Path file = root.resolve(name.replace('.', '/') + ".class");
                if (!Files.isRegularFile(file)) {
                    throw new ClassNotFoundException(name + " (not in " + root + ")");
                }
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Fixture class files come from the folder too, as they would from a real class loader's own jar. */
    @Override
    public URL getResource(String name) {
        Path file = root.resolve(name);
        if (name.startsWith("example/") && Files.isRegularFile(file)) {
            try {
                return file.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return super.getResource(name);
    }

    /** Loads a fixture class. */
    public Class<?> type(String name) {
        try {
            return loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
