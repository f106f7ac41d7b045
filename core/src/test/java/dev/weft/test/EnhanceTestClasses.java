package dev.weft.test;

import dev.weft.agent.internal.ClassFolderEnhancer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Enhances this module's compiled test classes in place (run by the build at {@code process-test-classes}): what
 * weft-maven-plugin's {@code enhance-tests} goal does for an application, through the same enhancer. Arguments:
 * the test classes folder, the packages to enhance, and the packages whose classes the enhancer is expected to
 * refuse (both comma-separated): the invalid entities of the mapping tests, which stay unenhanced as they would
 * under the agent. The class path the enhancer reads is the one the build runs this with: the test class path.
 */
public final class EnhanceTestClasses {

    private EnhanceTestClasses() {
    }

    public static void main(String[] arguments) throws IOException {
        Path testClasses = Path.of(arguments[0]);
        List<String> packages = Arrays.asList(arguments[1].split(","));
        List<Path> classPath = classPath();
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(testClasses, classPath, packages);
        List<String> refusable = Arrays.asList(arguments[2].split(","));
        result.failures().forEach((name, reason) -> {
            if (refusable.stream().noneMatch(name::startsWith)) {
                throw new IllegalStateException("Weft could not enhance the test class " + name + ": " + reason);
            }
        });
        System.out.println("Weft enhanced " + result.enhanced().size() + " test classes in " + result.millis() + " ms");
    }

    private static List<Path> classPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!(loader instanceof URLClassLoader urls)) {
            throw new IllegalStateException("expected to run in exec:java's class loader, not " + loader);
        }
        List<Path> paths = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            try {
                paths.add(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return paths;
    }
}
