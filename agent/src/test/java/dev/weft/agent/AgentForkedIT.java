package dev.weft.agent;

import dev.weft.agent.internal.TestClasses;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void theAgentJarCarriesRelocatedByteBuddyAndNoWeftRuntime() throws IOException {
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals(WeftAgent.class.getName(), manifest.getValue("Premain-Class"));
            assertEquals(WeftAgent.class.getName(), manifest.getValue("Agent-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
            assertEquals("dev.weft.agent", manifest.getValue("Automatic-Module-Name"));
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertTrue(names.contains("dev/weft/agent/shaded/bytebuddy/ByteBuddy.class"), "Byte Buddy is relocated");
            assertTrue(names.contains("dev/weft/agent/shaded/bytebuddy/agent/ByteBuddyAgent.class"));
            assertFalse(names.stream().anyMatch(name -> name.startsWith("net/bytebuddy/")), "no unrelocated Byte Buddy");
            assertFalse(names.stream().anyMatch(name -> name.startsWith("dev/weft/internal/")
                    || name.matches("dev/weft/[A-Za-z]+\\.class")), "weft-core is not in the agent jar");
        }
    }
}
