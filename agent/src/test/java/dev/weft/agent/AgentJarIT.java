package dev.weft.agent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged agent jar, as failsafe finds it after {@code package} ({@code weft.agent.jar}). The jar at work in a
 * forked JVM is tested in weft-core, whose classes it needs ({@code dev.weft.agent.AgentForkedIT} there).
 */
class AgentJarIT {

    private static Path agentJar() {
        String jar = System.getProperty("weft.agent.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "weft.agent.jar is not built: " + jar);
        return Path.of(jar);
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
