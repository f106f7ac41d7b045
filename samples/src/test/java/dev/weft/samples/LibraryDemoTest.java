package dev.weft.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryDemoTest {

    @Test
    void demoRunsToTheEndAgainstAFileDatabase(@TempDir Path dir) {
        Path file = dir.resolve("library.db");
        String output = runDemo(file);

        assertTrue(Files.exists(file), "the demo writes an SQLite file");
        assertAll(
                () -> assertTrue(output.contains("RestrictViolationException: "), output),
                () -> assertTrue(output.contains("UniqueViolationException: "), output),
                () -> assertTrue(output.contains("was rolled back: 8 books, as before (8)"), output),
                () -> assertTrue(output.contains("Done: Weft sent "), output));
    }

    @Test
    void demoStartsFromAnEmptyLibraryEveryRun(@TempDir Path dir) {
        Path file = dir.resolve("library.db");
        String first = runDemo(file);
        String second = runDemo(file);

        assertEquals(stripPath(first), stripPath(second));
    }

    @Test
    void mainTakesTheDatabasePathAsItsArgument(@TempDir Path dir) {
        Path file = dir.resolve("nested").resolve("main.db");
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            LibraryDemo.main(new String[] {file.toString()});
        } finally {
            System.setOut(original);
        }
        assertTrue(Files.exists(file));
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("Done: Weft sent "));
    }

    private static String runDemo(Path file) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            LibraryDemo.run(file, out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String stripPath(String output) {
        return output.substring(output.indexOf('\n'));
    }
}
