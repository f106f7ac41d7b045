package dev.weft.agent;

import dev.weft.agent.internal.TestClasses;
import org.junit.jupiter.api.Test;

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
 * {@code example.app.AgentMain}, which reads and writes entity fields directly from another package. Run by
 * failsafe after {@code package}, which builds the shaded jar ({@code weft.agent.jar}).
 */
class AgentForkedIT {

    private static Path agentJar() {
        String jar = System.getProperty("weft.agent.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "weft.agent.jar is not built: " + jar);
        return Path.of(jar);
    }

    @Test
    void directFieldAccessFromAnotherPackageIsInterceptedUnderTheJavaagent() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + agentJar() + "=packages=example");
        command.add("-cp");
        // the fixtures and weft-core only: Byte Buddy comes from the agent jar, relocated
        command.add(TestClasses.folder() + File.pathSeparator + TestClasses.core());
        command.add("example.app.AgentMain");
        Path errors = Files.createTempFile("weft-agent-it", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the forked JVM did not finish");
        String error = Files.readString(errors);
        Files.delete(errors);
        assertEquals(0, process.exitValue(), output + error);
        // nothing on stderr: no enhancement failure, and no Unsafe warning from Byte Buddy on JDK 24+
        assertEquals(List.of(), error.lines().filter(line -> !line.contains("Sharing is only supported")).toList());
        assertEquals(List.of(
                "enhanced true",
                "fields [id, title, author, pages]",
                "relationRead Book 2",
                "read Author 2",
                "write Book 1",
                "relationWrite Book 2 Author(Le Guin)",
                "name Ursula, title The Farthest Shore"), output.lines().toList(), output);
    }
}
