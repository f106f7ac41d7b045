package dev.weft.test;

import dev.weft.Database;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Gives each test fresh SQLite databases through its parameters and closes them after the test.
 *
 * <ul>
 *   <li>{@code Database db}: an in-memory database of this test;</li>
 *   <li>{@code @OnFile Database db}: a database of this test on a file in a temporary directory;</li>
 *   <li>{@code StatementLog log}: the SQL every database of this test sent, via {@code onStatement};</li>
 *   <li>{@code Databases databases}: to open more databases (files, reopening) that are closed likewise.</li>
 * </ul>
 *
 * <p>The n-th {@code Database} parameter of a method is the test's n-th database of that kind, so a
 * {@code @BeforeEach} method and the test method that both take {@code Database db} share one database,
 * and a method taking {@code (Database first, Database second)} gets two.
 *
 * <pre>{@code
 * @ExtendWith(WeftDatabaseExtension.class)
 * class SomeTest {
 *     @Test void saves(Database db, StatementLog log) { ... }
 * }
 * }</pre>
 */
public final class WeftDatabaseExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(WeftDatabaseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == StatementLog.class || type == Databases.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        Databases databases = databases(extension);
        if (type == StatementLog.class) {
            return databases.log();
        }
        if (type == Databases.class) {
            return databases;
        }
        boolean onFile = parameter.isAnnotated(OnFile.class);
        int ordinal = 0;
        java.lang.reflect.Parameter[] all = parameter.getDeclaringExecutable().getParameters();
        for (int i = 0; i < parameter.getIndex(); i++) {
            if (all[i].getType() == Database.class && all[i].isAnnotationPresent(OnFile.class) == onFile) {
                ordinal++;
            }
        }
        return onFile ? databases.testFile(ordinal) : databases.testMemory(ordinal);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        Resources resources = extension.getStore(NAMESPACE).remove(Resources.class, Resources.class);
        if (resources != null) {
            resources.close();
        }
    }

    private static Databases databases(ExtensionContext extension) {
        return extension.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Resources.class, key -> new Resources(), Resources.class)
                .databases;
    }

    /** The databases and temporary directory of one test. */
    private static final class Resources implements AutoCloseable {
        private final Path directory;
        private final Databases databases;
        private boolean closed;

        Resources() {
            try {
                directory = Files.createTempDirectory("weft-test-");
            } catch (IOException e) {
                throw new ParameterResolutionException("cannot create a temporary directory", e);
            }
            databases = new Databases(directory, new StatementLog());
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                databases.closeAll();
            } finally {
                deleteTree(directory);
            }
        }

        private static void deleteTree(Path root) {
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + root, e);
            }
        }
    }
}
