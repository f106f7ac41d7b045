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
 * Enhances one folder of class files in place with Weft's enhancer: picks the folder and the class path, runs
 * {@link ClassFolderEnhancer}, logs one line and fails the build on any class that could not be enhanced.
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
        List<Path> classPath = new ArrayList<>();
        for (String element : classPath()) {
            classPath.add(Path.of(element));
        }
        ClassFolderEnhancer.Result result;
        try {
            result = ClassFolderEnhancer.enhance(classesDirectory().toPath(), classPath,
                    packages == null ? List.of() : packages);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Weft could not enhance " + classesDirectory() + ": " + e.getMessage(), e);
        }
        if (!result.failures().isEmpty()) {
            StringBuilder message = new StringBuilder("Weft could not enhance ").append(result.failures().size())
                    .append(result.failures().size() == 1 ? " class" : " classes").append(" in ")
                    .append(classesDirectory()).append(':');
            for (Map.Entry<String, String> failure : result.failures().entrySet()) {
                message.append(System.lineSeparator()).append("  ").append(failure.getKey()).append(": ")
                        .append(failure.getValue());
            }
            throw new MojoFailureException(message.toString());
        }
        getLog().info("Weft enhanced " + result.enhanced().size() + " classes in " + result.millis() + " ms");
    }
}
