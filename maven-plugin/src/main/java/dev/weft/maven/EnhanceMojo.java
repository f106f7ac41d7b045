package dev.weft.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.util.List;

/**
 * Enhances the module's classes ({@code target/classes}) in place: {@code @Entity} and {@code @MappedSuperclass}
 * classes get the enhancement contract, and direct reads and writes of their persistent fields in every class of
 * the module are rewritten into intercepted calls, including fields of entities that come from dependency jars.
 * Safe to run twice: classes already enhanced are skipped. A class that cannot be enhanced fails the build with the
 * reason. Then the entities are validated with the mapping rules of the module's own weft-core, and a mapping error
 * fails the build with its {@code MappingException} message ({@code validate}, on by default).
 *
 * <p>Bound to {@code process-classes}. Its companion {@code enhance-tests} does the same for
 * {@code target/test-classes} in {@code process-test-classes}; a consumer lists both goals:
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.weft</groupId>
 *   <artifactId>weft-maven-plugin</artifactId>
 *   <version>${weft.version}</version>
 *   <executions>
 *     <execution>
 *       <goals>
 *         <goal>enhance</goal>
 *         <goal>enhance-tests</goal>
 *       </goals>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "enhance", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class EnhanceMojo extends AbstractEnhanceMojo {

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Override
    File classesDirectory() {
        return classesDirectory;
    }

    @Override
    List<String> classPath() {
        return classpathElements;
    }
}
