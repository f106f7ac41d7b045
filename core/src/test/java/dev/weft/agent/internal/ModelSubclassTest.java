package dev.weft.agent.internal;

import dev.weft.Model;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

/**
 * An entity extending {@link Model}, which is neither an entity nor a mapped superclass and has no field: the
 * entity is enhanced as the root of its hierarchy, and Model itself is never touched.
 */
class ModelSubclassTest {

    @TempDir
    Path folder;

    @Test
    void theEntityIsEnhancedAsIfItExtendedObject() throws Exception {
        TestClasses.copy(folder, "example/activerecord/");
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        assertEquals(Map.of(), result.failures());
        assertEquals(List.of("example.activerecord.Post", "example.activerecord.Posts"), result.enhanced());
        Fixtures fixtures = new Fixtures(new ChildFirstLoader(folder, getClass().getClassLoader()));
        Class<?> post = fixtures.type("example.activerecord.Post");

        assertSame(Model.class, post.getSuperclass());
        assertEquals(List.of("id", "title"), Arrays.asList((String[]) post.getField(Enhanced.FIELDS_FIELD).get(null)));
        post.getDeclaredField("$weft$interceptor"); // the entity holds the interceptor: Model has no place for it
        Constructor<?> loading = post.getDeclaredConstructor();
        assertTrue(Modifier.isPrivate(loading.getModifiers()));
        loading.setAccessible(true);
        assertEquals(null, Fixtures.raw(loading.newInstance(), "title"));

        Object instance = fixtures.create("example.activerecord.Post", "Hello");
        FieldInterceptor interceptor = mock(FieldInterceptor.class);
        ((Enhanced) instance).$weft$interceptor(interceptor);
        fixtures.callStatic("example.activerecord.Posts", "retitle", instance, "Bye");
        assertEquals("Bye", fixtures.callStatic("example.activerecord.Posts", "titleOf", instance));
        var order = inOrder(interceptor);
        order.verify(interceptor).beforeWrite(instance, 1);
        order.verify(interceptor).beforeRead(instance, 1);
    }

    @Test
    void modelItselfIsNeverEnhanced() throws IOException {
        Path modelClass = TestClasses.core().resolve("dev/weft/Model.class");
        Path copy = folder.resolve("dev/weft/Model.class");
        Files.createDirectories(copy.getParent());
        Files.copy(modelClass, copy);
        byte[] before = Files.readAllBytes(copy);

        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());

        assertEquals(Map.of(), result.failures());
        assertEquals(List.of(), result.enhanced());
        assertArrayEquals(before, Files.readAllBytes(copy));
    }
}
