package dev.weft.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.util.List;

/**
 * Enhances the module's test classes ({@code target/test-classes}) in place, like {@code enhance} does for the
 * main classes: test entities are enhanced and validated against the test class path, and test code that reads
 * entity fields directly (of main or test entities) is rewritten. Bound to {@code process-test-classes}; skipped with {@code -Dweft.skip} and, like the
 * tests themselves, with {@code -Dmaven.test.skip}.
 */
@Mojo(name = "enhance-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class EnhanceTestsMojo extends AbstractEnhanceMojo {

    @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true, required = true)
    File testClassesDirectory;

    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skipTestCompilation;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipTestCompilation) {
            getLog().info("Weft test enhancement skipped (maven.test.skip)");
            return;
        }
        super.execute();
    }

    @Override
    File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    List<String> classPath() {
        return classpathElements;
    }
}
