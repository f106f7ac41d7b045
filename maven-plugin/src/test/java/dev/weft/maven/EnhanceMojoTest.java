package dev.weft.maven;

import dev.weft.Entity;
import dev.weft.internal.enhance.Enhanced;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enhance goal over a folder of compiled fixture classes, as Maven would configure it. */
class EnhanceMojoTest {

    @TempDir
    Path classes;
    private final List<String> infos = new ArrayList<>();
    private EnhanceMojo mojo;

    @BeforeEach
    void configure() {
        mojo = new EnhanceMojo();
        mojo.classesDirectory = classes.toFile();
        mojo.classpathElements = List.of(classes.toString(), codeSource(Entity.class).toString());
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
    }

    @Test
    void enhancesInPlaceAndLogsOneLine() throws Exception {
        copy("Item", "Cart");
        mojo.execute();
        assertEquals(1, infos.size(), infos.toString());
        assertTrue(infos.get(0).matches("Weft enhanced 2 classes in \\d+ ms \\(validated 1 entity\\)"), infos.get(0));
        try (URLClassLoader loader = childFirst(classes)) {
            Class<?> item = loader.loadClass("example.shop.Item");
            assertTrue(Enhanced.class.isAssignableFrom(item));
            Object instance = item.getConstructor(String.class).newInstance("pen");
            Object description = loader.loadClass("example.shop.Cart").getMethod("describe", item).invoke(null, instance);
            assertEquals("0 x pen", description);
        }
    }

    @Test
    void runningTwiceEnhancesNothingTheSecondTime() throws Exception {
        copy("Item", "Cart");
        mojo.execute();
        mojo.execute();
        assertTrue(infos.get(1).startsWith("Weft enhanced 0 classes in "), infos.toString());
    }

    @Test
    void aClassThatCannotBeEnhancedFailsTheBuildWithTheReason() throws Exception {
        copy("Item", "Broken");
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("Weft could not enhance 1 class in "), failure.getMessage());
        assertTrue(failure.getMessage().contains("example.shop.Broken: example.shop.Broken.code is final: make it "
                + "non-final"), failure.getMessage());
    }

    @Test
    void aMappingErrorFailsTheBuildWithCoresMessageNamingTheClass() throws Exception {
        copy("Item", "Order", "Cart");
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Weft found 1 mapping error in " + classes + ":" + System.lineSeparator()
                + "  example.shop.Order: Order.item uses onDelete = SET_NULL but its key is not nullable: add "
                + "nullable = true, or choose CASCADE or RESTRICT.", failure.getMessage());
        assertTrue(infos.isEmpty(), infos.toString());
    }

    @Test
    void everyMappingErrorIsReportedOnceUnderTheClassItNames() throws Exception {
        copy("Item", "Order", "Line", "Coupon");
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        String message = failure.getMessage();
        assertTrue(message.startsWith("Weft found 2 mapping errors in "), message);
        assertTrue(message.contains("  example.shop.Coupon: example.shop.Coupon has no @Id field"), message);
        assertTrue(message.contains("  example.shop.Order: Order.item uses onDelete = SET_NULL"), message);
        assertFalse(message.contains("example.shop.Line"), message);
    }

    @Test
    void aMappingErrorFailsTheSecondRunTooThoughNothingIsLeftToEnhance() throws Exception {
        copy("Item", "Order");
        assertThrows(MojoFailureException.class, mojo::execute);
        MojoFailureException again = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(again.getMessage().contains("example.shop.Order: Order.item uses onDelete = SET_NULL"),
                again.getMessage());
    }

    @Test
    void enhancementAndMappingErrorsAreReportedTogether() throws Exception {
        copy("Item", "Broken", "Order");
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        String message = failure.getMessage();
        assertTrue(message.startsWith("Weft could not enhance 1 class in "), message);
        assertTrue(message.contains(System.lineSeparator() + "Weft found 1 mapping error in "), message);
        assertTrue(message.contains("example.shop.Order: Order.item uses onDelete = SET_NULL"), message);
    }

    @Test
    void validateFalseOnlyEnhances() throws Exception {
        copy("Item", "Order");
        mojo.validate = false;
        mojo.execute();
        assertTrue(infos.get(0).matches("Weft enhanced 2 classes in \\d+ ms"), infos.toString());
    }

    @Test
    void entitiesOutsideThePackagesAreNotValidated() throws Exception {
        copy("Item", "Order");
        mojo.packages = List.of("com.acme");
        mojo.execute();
        assertTrue(infos.get(0).matches("Weft enhanced 0 classes in \\d+ ms"), infos.toString());
    }

    @Test
    void entitiesInThePackagesOrTheirSubPackagesAreValidated() throws Exception {
        copy("Item", "Order");
        mojo.packages = List.of("com.acme", " example ");
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("example.shop.Order: Order.item uses"), failure.getMessage());
    }

    @Test
    void entitiesWithoutWeftCoreOnTheClassPathCannotBeValidated() throws Exception {
        copy("Item");
        mojo.classpathElements = List.of(classes.toString());
        MojoExecutionException failure = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(failure.getMessage().startsWith("Weft cannot validate the mapping: the module's class path has no "
                + "weft-core"), failure.getMessage());
    }

    @Test
    void skipLeavesTheClassesAlone() throws Exception {
        copy("Item");
        byte[] before = Files.readAllBytes(classes.resolve("example/shop/Item.class"));
        mojo.skip = true;
        mojo.execute();
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(classes.resolve("example/shop/Item.class"))));
        assertEquals(List.of("Weft enhancement skipped"), infos);
    }

    @Test
    void packagesLimitWhatIsEnhanced() throws Exception {
        copy("Item", "Cart");
        mojo.packages = List.of("com.acme");
        mojo.execute();
        assertTrue(infos.get(0).startsWith("Weft enhanced 0 classes in "), infos.toString());
    }

    @Test
    void aModuleWithoutClassesIsFine() throws Exception {
        mojo.classesDirectory = new File(classes.toFile(), "absent");
        mojo.execute();
        assertTrue(infos.get(0).startsWith("Weft enhanced 0 classes in "), infos.toString());
        assertFalse(Files.exists(classes.resolve("absent")));
    }

    private void copy(String... simpleNames) throws IOException {
        Path source = codeSource(EnhanceMojoTest.class);
        for (String name : simpleNames) {
            Path relative = Path.of("example", "shop", name + ".class");
            Files.createDirectories(classes.resolve(relative).getParent());
            Files.copy(source.resolve(relative), classes.resolve(relative));
        }
    }

    /** Loads example.* from the enhanced folder rather than from the test class path, where they are unenhanced. */
    private URLClassLoader childFirst(Path folder) throws IOException {
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("example.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
            }
        };
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
