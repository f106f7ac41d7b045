package dev.weft.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's options. The agent at work is tested in weft-core, whose classes the enhanced code calls. */
class WeftAgentOptionsTest {

    @Test
    void optionsNamePackages() {
        assertEquals(List.of("com.acme", "org.foo"), WeftAgent.packages("packages=com.acme,org.foo"));
        assertEquals(List.of(), WeftAgent.packages(null));
        assertEquals(List.of(), WeftAgent.packages(""));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> WeftAgent.packages("verbose"));
        assertTrue(unknown.getMessage().contains("packages=com.acme,org.foo"));
    }
}
