package dev.weft.agent.internal;

import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enhances a folder of class files in place: the build-time way in, used by the Maven plugin. Its signature
 * carries no Byte Buddy type, so callers compile against it whether Byte Buddy is relocated (the shaded jar)
 * or not.
 *
 * <p>The class path (dependency jars and folders) is only read, to describe the classes that the folder's
 * classes use: an entity from a dependency jar is recognised, and direct access to its fields is rewritten.
 */
public final class ClassFolderEnhancer {

    /**
     * What a run did.
     *
     * @param enhanced the classes rewritten, by name
     * @param failures the classes that could not be enhanced, by name, with the reason
     * @param millis   how long the run took
     */
    public record Result(List<String> enhanced, Map<String, String> failures, long millis) {
    }

    private ClassFolderEnhancer() {
    }

    /**
     * Enhances the classes of {@code classes} in place.
     *
     * @param classes   the folder of class files (a missing folder is an empty one)
     * @param classPath jars and folders the classes are compiled against; {@code classes} itself may be among them
     * @param packages  packages to limit enhancement to; empty means every package
     * @return what was enhanced and what failed; failed classes are left unchanged
     * @throws IOException if the folder or the class path cannot be read or written
     */
    public static Result enhance(Path classes, List<Path> classPath, Collection<String> packages) throws IOException {
        long start = System.nanoTime();
        if (!Files.isDirectory(classes)) {
            return new Result(List.of(), Map.of(), 0);
        }
        List<ClassFileLocator> locators = new ArrayList<>();
        try {
            for (Path element : classPath) {
                if (element.toAbsolutePath().normalize().equals(classes.toAbsolutePath().normalize())) {
                    continue;
                }
                if (Files.isDirectory(element)) {
                    locators.add(new ClassFileLocator.ForFolder(element.toFile()));
                } else if (Files.isRegularFile(element)) {
                    locators.add(ClassFileLocator.ForJarFile.of(element.toFile()));
                }
            }
            locators.add(ClassFileLocator.ForClassLoader.ofPlatformLoader());
            Plugin.Engine.Summary summary = new Plugin.Engine.Default()
                    .with(Plugin.Engine.TypeStrategy.Default.REDEFINE)
                    .with(new ClassFileLocator.Compound(locators))
                    .withoutErrorHandlers()
                    .apply(new Plugin.Engine.Source.ForFolder(classes.toFile()),
                            new Plugin.Engine.Target.ForFolder(classes.toFile()),
                            List.of(new Plugin.Factory.Simple(new WeftEnhancer(Scope.packages(packages)))));
            List<String> enhanced = summary.getTransformed().stream().map(TypeDescription::getName).sorted().toList();
            Map<String, String> failures = new LinkedHashMap<>();
            summary.getFailed().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey((a, b) -> a.getName().compareTo(b.getName())))
                    .forEach(entry -> failures.put(entry.getKey().getName(), describe(entry.getValue())));
            return new Result(enhanced, failures, (System.nanoTime() - start) / 1_000_000);
        } finally {
            for (ClassFileLocator locator : locators) {
                locator.close();
            }
        }
    }

    /** The messages of the errors, each the most specific one of its cause chain. */
    static String describe(List<Throwable> errors) {
        List<String> messages = new ArrayList<>();
        for (Throwable error : errors) {
            messages.add(message(error));
        }
        return String.join("; ", messages);
    }

    static String message(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current
                && (current.getMessage() == null || current.getMessage().equals(current.getCause().toString()))) {
            current = current.getCause();
        }
        return current.getMessage() == null ? current.toString() : current.getMessage();
    }
}
