package dev.weft.agent.internal;

import dev.weft.Entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixture classes (packages {@code example.*}) as compiled, and copies of them to enhance. */
public final class TestClasses {

    private TestClasses() {
    }

    /** The folder the test classes were compiled to. */
    public static Path folder() {
        return codeSource(TestClasses.class); // not a fixture: those must not be loaded by the application loader
    }

    /** Where weft-core's classes come from (a folder or a jar). */
    public static Path core() {
        return codeSource(Entity.class);
    }

    /** The class path an enhancement of the fixtures needs: the fixtures and weft-core (the JDK is implicit). */
    public static List<Path> classPath() {
        return List.of(folder(), core());
    }

    /** Copies the class files under the given resource prefixes ({@code example/library/}) into {@code target}. */
    public static Path copy(Path target, String... prefixes) {
        Path source = folder();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String relative = source.relativize(file).toString().replace('\\', '/');
                for (String prefix : prefixes) {
                    if (relative.startsWith(prefix)) {
                        Path copy = target.resolve(relative);
                        Files.createDirectories(copy.getParent());
                        Files.copy(file, copy);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
