package dev.weft.agent;

import dev.weft.agent.internal.ChildFirstLoader;
import dev.weft.agent.internal.ClassFolderEnhancer;
import dev.weft.agent.internal.TestClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged agent jar in a real, forked JVM: {@code java -javaagent:weft-agent.jar=packages=example} running
 * fixtures that read and write entity fields directly from another package, with a recording interceptor and with
 * the runtime, whose behaviour must be the same as on classes enhanced at build time. Run by
 * failsafe after {@code package}, which builds the shaded jar ({@code weft.agent.jar}).
 */
class AgentForkedIT {

    private static Path agentJar() {
        String jar = System.getProperty("weft.agent.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "weft.agent.jar is not built: " + jar);
        return Path.of(jar);
    }

    /** Runs {@code mainClass} in {@code java -javaagent:weft-agent.jar=packages=example} and returns its output. */
    private static List<String> underTheAgent(String mainClass) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + agentJar() + "=packages=example");
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc loads its native library (JEP 472)
        }
        command.add("-cp");
        // the fixtures, weft-core and its two dependencies: Byte Buddy comes from the agent jar, relocated
        command.add(String.join(File.pathSeparator, TestClasses.folder().toString(), TestClasses.core().toString(),
                TestClasses.codeSource(org.sqlite.JDBC.class).toString(),
                TestClasses.codeSource(com.github.benmanes.caffeine.cache.Caffeine.class).toString()));
        command.add(mainClass);
        Path errors = Files.createTempFile("weft-agent-it", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the forked JVM did not finish");
        String error = Files.readString(errors);
        Files.delete(errors);
        assertEquals(0, process.exitValue(), output + error);
        // nothing on stderr: no enhancement failure, and no Unsafe warning from Byte Buddy on JDK 24+
        assertEquals(List.of(), error.lines().filter(line -> !line.contains("Sharing is only supported")).toList());
        return output.lines().toList();
    }

    @Test
    void directFieldAccessFromAnotherPackageIsInterceptedUnderTheJavaagent() throws Exception {
        List<String> output = underTheAgent("example.app.AgentMain");
        assertEquals(List.of(
                "enhanced true",
                "fields [id, title, author, pages]",
                "relationRead Book 2",
                "read Author 2",
                "write Book 1",
                "relationWrite Book 2 Author(Le Guin)",
                "name Ursula, title The Farthest Shore"), output, String.join("\n", output));
    }

    @Test
    void collectionRelationsOfNewObjectsCanBeAddedToUnderTheJavaagent() throws Exception {
        List<String> output = underTheAgent("example.unsaved.Shelving");
        assertEquals(List.of(
                "list ArrayList [Earthsea, The Tombs of Atuan, Earthsea]",
                "set LinkedHashSet [Earthsea, The Tombs of Atuan]",
                "collection ArrayList [Earthsea, The Tombs of Atuan, Earthsea]",
                "volumes UnsavedRelationSet [Earthsea, The Tombs of Atuan, Earthsea]",
                "initialised LinkedList []",
                "history ArrayList []",
                "volumeCount 3",
                "favourite null, tags null"), output, String.join("\n", output));
    }

    @Test
    void theRuntimeBehavesTheSameOnClassesEnhancedByTheAgentAndAtBuildTime(@TempDir Path folder) throws Exception {
        List<String> agent = underTheAgent("example.app.LibraryScenario");

        TestClasses.copy(folder, "example/library/", "example/app/");
        ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        ClassLoader loader = new ChildFirstLoader(folder, getClass().getClassLoader());
        @SuppressWarnings("unchecked")
        List<String> buildTime = (List<String>) loader.loadClass("example.app.LibraryScenario").getMethod("run")
                .invoke(null);

        assertEquals(buildTime, agent);
        assertEquals("enhanced true", agent.get(0));
        assertEquals("author Ursula after 2 statements", agent.get(1), "the book, then its hollow author on first read");
        assertEquals(2, agent.stream().filter(line -> line.startsWith("wrote UPDATE")).count(), String.join("\n", agent));
        assertTrue(agent.contains("wrote UPDATE \"books\" SET \"pages\" = ? WHERE \"id\" = ?"), String.join("\n", agent));
        assertEquals("reloaded The Farthest Shore, 224 pages, by Ursula K. Le Guin", agent.get(agent.size() - 1));
    }
}
