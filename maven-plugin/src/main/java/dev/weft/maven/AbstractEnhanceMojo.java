package dev.weft.maven;

import dev.weft.agent.internal.ClassFolderEnhancer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enhances one folder of class files in place with Weft's enhancer, then validates the mapping of its entities with
 * weft-core's own rules: picks the folder and the class path, runs {@link ClassFolderEnhancer} and
 * {@link MappingValidation}, logs one line and fails the build on any class that could not be enhanced and on any
 * mapping error.
 */
abstract class AbstractEnhanceMojo extends AbstractMojo {

    /** Skips enhancement. */
    @Parameter(property = "weft.skip", defaultValue = "false")
    boolean skip;

    /**
     * Packages to enhance (with their sub-packages); all packages when empty. On the command line:
     * {@code -Dweft.packages=com.acme,org.foo}.
     */
    @Parameter(property = "weft.packages")
    List<String> packages = new ArrayList<>();

    /**
     * Validates the mapping of the enhanced entities with weft-core's own rules, so that a mapping error fails the
     * build rather than the first registration at run time. Off only for a module that keeps invalid entities on
     * purpose (tests of mapping errors): {@code -Dweft.validate=false}.
     */
    @Parameter(property = "weft.validate", defaultValue = "true")
    boolean validate = true;

    /** The folder of class files to enhance in place. */
    abstract File classesDirectory();

    /** The class path the classes were compiled against (the folder itself may be on it). */
    abstract List<String> classPath();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Weft enhancement skipped");
            return;
        }
        long start = System.nanoTime();
        Path folder = classesDirectory().toPath();
        List<Path> classPath = new ArrayList<>();
        for (String element : classPath()) {
            classPath.add(Path.of(element));
        }
        List<String> scope = packages == null ? List.of() : packages;
        ClassFolderEnhancer.Result result;
        try {
            result = ClassFolderEnhancer.enhance(folder, classPath, scope);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Weft could not enhance " + folder + ": " + e.getMessage(), e);
        }
        // Validated even when nothing was enhanced: a second build over classes enhanced by a first, failed one must
        // fail the same way.
        MappingValidation.Outcome validation = new MappingValidation.Outcome(0, Map.of());
        if (validate) {
            try {
                validation = MappingValidation.run(folder, classPath, MappingValidation.inPackages(scope),
                        result.failures().keySet());
            } catch (IOException e) {
                throw new MojoExecutionException("Weft could not validate " + folder + ": " + e.getMessage(), e);
            } catch (MappingValidation.SetupException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
        if (!result.failures().isEmpty() || !validation.failures().isEmpty()) {
            StringBuilder message = new StringBuilder();
            report(message, result.failures(), "Weft could not enhance ", "class", "classes", folder);
            report(message, validation.failures(), "Weft found ", "mapping error", "mapping errors", folder);
            throw new MojoFailureException(message.toString());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        getLog().info("Weft enhanced " + count(result.enhanced().size(), "class", "classes") + " in " + millis + " ms"
                + (validation.validated() == 0 ? ""
                        : " (validated " + count(validation.validated(), "entity", "entities") + ")"));
    }

    private static void report(StringBuilder message, Map<String, String> failures, String heading, String one,
                               String many, Path folder) {
        if (failures.isEmpty()) {
            return;
        }
        if (message.length() > 0) {
            message.append(System.lineSeparator());
        }
        message.append(heading).append(count(failures.size(), one, many)).append(" in ").append(folder).append(':');
        for (Map.Entry<String, String> failure : failures.entrySet()) {
            message.append(System.lineSeparator()).append("  ").append(failure.getKey()).append(": ")
                    .append(failure.getValue());
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
