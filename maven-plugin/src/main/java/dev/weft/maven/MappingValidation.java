package dev.weft.maven;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs weft-core's own mapping validation ({@code new Metamodel().register(types)}, which checks every mapping rule
 * and needs no database) on the {@code @Entity} classes of a folder, so that a mapping error fails the build with the
 * same {@code MappingException} message that registering the class at run time would raise.
 *
 * <p>The classes are loaded in a throwaway {@link URLClassLoader} over the folder and the module's class path, whose
 * parent is the platform class loader: weft-core (and everything the entities need) comes from the module's own class
 * path, never from this plugin's class realm. That is why Metamodel is called reflectively: the rules checked, and the
 * messages, are those of the weft-core version the module runs with, and no class of the module can meet a second
 * copy of {@code dev.weft.*} (the plugin's own weft-core, which the enhancer needs) loaded by another loader. Making
 * the plugin's weft-core the parent instead would validate with the plugin's version of the rules and would make
 * every {@code dev.weft} class resolve parent-first, in a realm that also holds Maven's and the enhancer's classes.
 */
final class MappingValidation {

    /** The descriptor of {@code dev.weft.Entity} as a class file's constant pool spells it when the class uses it. */
    private static final byte[] ENTITY_DESCRIPTOR = "Ldev/weft/Entity;".getBytes(StandardCharsets.US_ASCII);
    private static final String ENTITY = "dev.weft.Entity";
    private static final String MAPPING_EXCEPTION = "dev.weft.MappingException";
    private static final String METAMODEL = "dev.weft.internal.meta.Metamodel";

    /**
     * What a validation found.
     *
     * @param validated the number of entity classes validated
     * @param failures  by class name, the message of what is wrong with it; distinct messages only
     */
    record Outcome(int validated, Map<String, String> failures) {
    }

    /** The module cannot be validated at all: weft-core is missing from its class path, or does not fit. */
    static final class SetupException extends Exception {
        private static final long serialVersionUID = 1L;

        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private MappingValidation() {
    }

    /**
     * Validates the entities of {@code folder}.
     *
     * @param folder    the folder of (enhanced) class files; a missing folder has no entities
     * @param classPath the module's class path; {@code folder} itself may be on it
     * @param inScope   which classes to validate, by name (the enhancer's scope)
     * @param skipped   classes not to validate (those the enhancer refused: their reason is reported already)
     */
    static Outcome run(Path folder, List<Path> classPath, Predicate<String> inScope, Collection<String> skipped)
            throws IOException, SetupException {
        List<String> candidates = entityCandidates(folder, inScope, skipped);
        if (candidates.isEmpty()) {
            return new Outcome(0, Map.of());
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("weft-mapping-validation", urls(folder, classPath),
                ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            return validate(loader, candidates);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Outcome validate(ClassLoader loader, List<String> candidates) throws SetupException {
        Class<? extends Annotation> entity;
        Class<?> mappingException;
        Method register;
        Class<?> metamodel;
        try {
            entity = Class.forName(ENTITY, false, loader).asSubclass(Annotation.class);
            mappingException = Class.forName(MAPPING_EXCEPTION, false, loader);
            metamodel = Class.forName(METAMODEL, false, loader);
            register = metamodel.getMethod("register", Collection.class);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            throw new SetupException("Weft cannot validate the mapping: the module's class path has no weft-core with "
                    + METAMODEL + ".register(Collection) (" + e + "). Put weft-core on it, in the version of this "
                    + "plugin, or set <validate>false</validate>.", e);
        }

        Map<String, String> failures = new TreeMap<>();
        List<Class<?>> entities = new ArrayList<>();
        for (String name : candidates) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(entity)) {
                    entities.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                failures.put(name, "could not be loaded to validate its mapping: " + e);
            }
        }
        if (entities.isEmpty()) {
            return new Outcome(0, failures);
        }

        // One registration of them all is the check (it also sees what only the whole set shows). Only when it fails,
        // each entity is registered on its own, to report every error rather than the first.
        Throwable together = register(metamodel, register, entities);
        if (together != null) {
            Map<String, List<Class<?>>> raisedBy = new LinkedHashMap<>();
            for (Class<?> type : entities) {
                Throwable error = register(metamodel, register, List.of(type));
                if (error != null) {
                    raisedBy.computeIfAbsent(describe(error, mappingException), m -> new ArrayList<>()).add(type);
                }
            }
            if (raisedBy.isEmpty()) {
                raisedBy.put(describe(together, mappingException), entities);
            }
            // Registering one entity also reads the entities its relations reach, so one error can be raised by
            // several: it is reported once, under the class its message names, else the first that raised it.
            raisedBy.forEach((message, types) ->
                    failures.merge(culprit(message, types).getName(), message, (a, b) -> a + "; " + b));
        }
        return new Outcome(entities.size(), failures);
    }

    /** Registers the types in a new Metamodel; what it threw, or {@code null}. */
    private static Throwable register(Class<?> metamodel, Method register, List<Class<?>> types) throws SetupException {
        try {
            register.invoke(metamodel.getConstructor().newInstance(), types);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new SetupException("Weft cannot validate the mapping: " + METAMODEL + " of the module's weft-core "
                    + "cannot be called (" + e + "). Use weft-core in the version of this plugin, or set "
                    + "<validate>false</validate>.", e);
        }
    }

    /** A MappingException is its message (which names class, field and fix); anything else says what it is. */
    private static String describe(Throwable error, Class<?> mappingException) {
        if (mappingException.isInstance(error) && error.getMessage() != null) {
            return error.getMessage();
        }
        return error.getMessage() == null ? error.toString() : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static Class<?> culprit(String message, List<Class<?>> types) {
        for (Class<?> type : types) {
            if (message.startsWith(type.getName()) || message.startsWith(type.getSimpleName() + ".")
                    || message.startsWith(type.getSimpleName() + " ")) {
                return type;
            }
        }
        return types.get(0);
    }

    /**
     * The classes in the given packages or their sub-packages; every class when there are none. The same filter as the
     * enhancer's {@code packages} (not its {@code Scope} itself: its signature carries a Byte Buddy type, which is not
     * on this module's compile class path when weft-agent is its unshaded classes folder, in {@code mvn compile}).
     */
    static Predicate<String> inPackages(Collection<String> packages) {
        List<String> prefixes = new ArrayList<>();
        for (String name : packages) {
            String trimmed = name == null ? "" : name.trim();
            if (!trimmed.isEmpty()) {
                prefixes.add(trimmed.endsWith(".") ? trimmed : trimmed + ".");
            }
        }
        return prefixes.isEmpty() ? name -> true : name -> prefixes.stream().anyMatch(name::startsWith);
    }

    /**
     * The classes of the folder that use {@code dev.weft.Entity} in their constant pool, sorted: a superset of the
     * entities, found without loading anything. Whether the annotation is on the class is checked once loaded.
     */
    static List<String> entityCandidates(Path folder, Predicate<String> inScope, Collection<String> skipped)
            throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!relative.endsWith(".class") || relative.startsWith("META-INF/")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (name.endsWith("package-info") || name.endsWith("module-info") || !inScope.test(name)
                        || skipped.contains(name)) {
                    continue;
                }
                if (contains(Files.readAllBytes(file), ENTITY_DESCRIPTOR)) {
                    candidates.add(name);
                }
            }
        }
        candidates.sort(null);
        return candidates;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The folder first, so that its (enhanced) classes win, then the rest of the class path, each once. */
    private static URL[] urls(Path folder, List<Path> classPath) throws IOException {
        Set<Path> elements = new LinkedHashSet<>();
        elements.add(folder.toAbsolutePath().normalize());
        for (Path element : classPath) {
            elements.add(element.toAbsolutePath().normalize());
        }
        List<URL> urls = new ArrayList<>();
        for (Path element : elements) {
            urls.add(element.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
