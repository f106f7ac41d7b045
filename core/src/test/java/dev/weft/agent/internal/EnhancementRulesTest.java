package dev.weft.agent.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency, scope and the classes the enhancer refuses, each with a message naming class, field and fix. */
class EnhancementRulesTest {

    @TempDir
    Path folder;

    @Test
    void enhancingTwiceChangesNothingTheSecondTime() throws IOException {
        TestClasses.copy(folder, "example/library/", "example/app/");
        ClassFolderEnhancer.Result first = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        Map<Path, byte[]> afterFirst = contents(folder);

        ClassFolderEnhancer.Result second = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());

        assertTrue(first.enhanced().size() >= 9, first.enhanced().toString());
        assertEquals(List.of(), second.enhanced());
        assertEquals(Map.of(), second.failures());
        Map<Path, byte[]> afterSecond = contents(folder);
        assertEquals(afterFirst.keySet(), afterSecond.keySet());
        afterFirst.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, afterSecond.get(file)), file + " changed"));
    }

    @Test
    void classesWithoutAccessToPersistentFieldsAreNotRewritten() throws IOException {
        TestClasses.copy(folder, "dev/weft/agent/internal/TestClasses", "example/library/");
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        assertTrue(result.enhanced().contains("example.library.Book"));
        // TestClasses names Book.class but never reads a field of it; dev.weft.agent is never in scope anyway
        assertTrue(result.enhanced().stream().noneMatch(name -> name.startsWith("dev.weft.")), result.enhanced().toString());
    }

    @Test
    void packagesLimitWhatIsEnhanced() throws IOException {
        TestClasses.copy(folder, "example/library/", "example/app/");
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of("example.app"));
        assertTrue(result.enhanced().contains("example.app.Library"));
        assertTrue(result.enhanced().stream().allMatch(name -> name.startsWith("example.app.")), result.enhanced().toString());
    }

    @Test
    void aMissingFolderIsAnEmptyOne() throws IOException {
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder.resolve("absent"), TestClasses.classPath(), List.of());
        assertEquals(List.of(), result.enhanced());
        assertEquals(Map.of(), result.failures());
    }

    @Test
    void aFinalPersistentFieldIsRefused() throws IOException {
        assertRefused("example/invalid/FinalFieldEntity", "example.invalid.FinalFieldEntity",
                "example.invalid.FinalFieldEntity.code is final: make it non-final");
    }

    @Test
    void aRecordIsRefused() throws IOException {
        assertRefused("example/invalid/RecordEntity", "example.invalid.RecordEntity",
                "example.invalid.RecordEntity is a record annotated @Entity");
    }

    @Test
    void aNonStaticInnerEntityIsRefused() throws IOException {
        assertRefused("example/invalid/Outer", "example.invalid.Outer$InnerEntity",
                "example.invalid.Outer$InnerEntity is an inner class annotated @Entity: an entity must not need an "
                        + "enclosing instance; declare it static or top-level.");
    }

    @Test
    void anEntityExtendingAnEntityIsRefused() throws IOException {
        assertRefused("example/invalid/ChildEntity", "example.invalid.ChildEntity",
                "example.invalid.ChildEntity extends the entity example.library.Book: one entity cannot extend another");
    }

    @Test
    void aClassEnhancedForAnotherContractVersionFailsLoudly() throws IOException {
        assertRefused("example/invalid/StaleEntity", "example.invalid.StaleEntity",
                "example.invalid.StaleEntity was enhanced for Weft enhancement contract version 99, but this enhancer "
                        + "and its runtime use version " + Contract.VERSION);
    }

    @Test
    void aClassEnhancedForContractVersionOneIsRefused() throws IOException {
        assertRefused("example/invalid/VersionOneEntity", "example.invalid.VersionOneEntity",
                "example.invalid.VersionOneEntity was enhanced for Weft enhancement contract version 1, but this "
                        + "enhancer and its runtime use version " + Contract.VERSION);
    }

    @Test
    void accessToFieldsOfARefusedEntityIsLeftAlone() throws IOException {
        TestClasses.copy(folder, "example/invalid/FinalFieldEntity", "example/invalid/UsesInvalid");
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        assertEquals(List.of("example.invalid.FinalFieldEntity"), List.copyOf(result.failures().keySet()));
        assertEquals(List.of(), result.enhanced());
        // no NoSuchMethodError for a $weft$read$id that the refused class never got: registering it reports the error
        Fixtures fixtures = new Fixtures(new ChildFirstLoader(folder, getClass().getClassLoader()));
        Object entity = fixtures.create("example.invalid.FinalFieldEntity");
        assertEquals(0L, fixtures.callStatic("example.invalid.UsesInvalid", "idOf", entity));
    }

    private void assertRefused(String resource, String className, String message) throws IOException {
        TestClasses.copy(folder, resource);
        Map<Path, byte[]> before = contents(folder);
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        String failure = result.failures().get(className);
        assertTrue(failure != null && failure.contains(message), result.failures().toString());
        assertTrue(java.util.Arrays.equals(before.get(folder.resolve(className.replace('.', '/') + ".class")),
                Files.readAllBytes(folder.resolve(className.replace('.', '/') + ".class"))), "a refused class is left as it was");
    }

    private static Map<Path, byte[]> contents(Path folder) throws IOException {
        Map<Path, byte[]> contents = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                contents.put(file, Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
