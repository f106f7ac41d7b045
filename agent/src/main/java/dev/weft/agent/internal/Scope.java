package dev.weft.agent.internal;

import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which classes the enhancer looks at. Never the JDK, Byte Buddy or Weft's own runtime (the package
 * {@code dev.weft} itself and {@code dev.weft.internal}, {@code dev.weft.agent}, {@code dev.weft.maven} and their
 * sub-packages); other {@code dev.weft.*} packages, such as {@code dev.weft.samples}, are user code. When
 * packages are given, only classes in them (or their sub-packages) are in scope.
 */
public final class Scope {

    private static final List<String> NEVER = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "net.bytebuddy.", "dev.weft.internal.", "dev.weft.agent.", "dev.weft.maven.");
    private static final String RUNTIME_PACKAGE = "dev.weft";

    private final List<String> packages;

    private Scope(List<String> packages) {
        this.packages = packages;
    }

    /** Every class but the JDK's, Byte Buddy's and Weft's runtime. */
    public static Scope everything() {
        return new Scope(List.of());
    }

    /**
     * Classes in the given packages and their sub-packages (blank entries are ignored; none left means
     * everything).
     */
    public static Scope packages(Collection<String> packages) {
        List<String> prefixes = new ArrayList<>();
        for (String name : packages) {
            String trimmed = name == null ? "" : name.trim();
            if (!trimmed.isEmpty()) {
                prefixes.add(trimmed.endsWith(".") ? trimmed : trimmed + ".");
            }
        }
        return new Scope(List.copyOf(prefixes));
    }

    public boolean includes(TypeDescription type) {
        return includes(type.getName());
    }

    public boolean includes(String className) {
        for (String excluded : NEVER) {
            if (className.startsWith(excluded)) {
                return false;
            }
        }
        int lastDot = className.lastIndexOf('.');
        String packageName = lastDot < 0 ? "" : className.substring(0, lastDot);
        if (packageName.equals(RUNTIME_PACKAGE) || className.endsWith("package-info") || className.endsWith("module-info")) {
            return false;
        }
        if (packages.isEmpty()) {
            return true;
        }
        for (String prefix : packages) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return packages.isEmpty() ? "all packages" : "packages " + packages;
    }
}
