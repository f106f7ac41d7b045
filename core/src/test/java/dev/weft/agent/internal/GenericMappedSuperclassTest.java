package dev.weft.agent.internal;

import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

/** A generic mapped superclass without a no-argument constructor, enhanced in the same run as its entity. */
class GenericMappedSuperclassTest {

    @TempDir
    Path folder;

    @Test
    void genericFieldsAreInterceptedAndBothClassesGetANoArgumentConstructor() throws Exception {
        TestClasses.copy(folder, "example/generic/");
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        assertEquals(Map.of(), result.failures());
        Fixtures fixtures = new Fixtures(new ChildFirstLoader(folder, getClass().getClassLoader()));

        String[] slots = (String[]) fixtures.type("example.generic.Tag").getField(Enhanced.FIELDS_FIELD).get(null);
        assertEquals(List.of("label", "id"), Arrays.asList(slots));

        Object tag = fixtures.create("example.generic.Tag", "fiction");
        FieldInterceptor interceptor = mock(FieldInterceptor.class);
        ((Enhanced) tag).$weft$interceptor(interceptor);
        fixtures.callStatic("example.generic.Tags", "relabel", tag, "fantasy");
        assertEquals("fantasy", fixtures.callStatic("example.generic.Tags", "labelOf", tag));
        var order = inOrder(interceptor);
        order.verify(interceptor).beforeWrite(tag, 0);
        order.verify(interceptor).beforeRead(tag, 0);

        Constructor<?> superclass = fixtures.type("example.generic.Labelled").getDeclaredConstructor();
        assertTrue(Modifier.isProtected(superclass.getModifiers()));
        Constructor<?> entity = fixtures.type("example.generic.Tag").getDeclaredConstructor();
        entity.setAccessible(true);
        assertEquals(null, Fixtures.raw(entity.newInstance(), "label"));
    }
}
