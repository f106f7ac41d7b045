package dev.weft.agent.internal;

import dev.weft.RelationSet;
import dev.weft.WeftException;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import dev.weft.internal.relation.UnsavedRelationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import static dev.weft.agent.internal.Fixtures.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The read accessor of a collection relation of a new object (no interceptor) gives an empty collection to add to,
 * on the fixtures of {@code example.unsaved} enhanced on disk and loaded in a child-first loader (which verifies the
 * generated code, stack map frames included). Shelf's slots: [id, history (from Shelved), label, favourite, list,
 * set, collection, volumes, initialised, tags].
 */
class UnsavedCollectionsEnhancementTest {

    private static final int HISTORY = 1;
    private static final int LIST = 4;
    private static final int SET = 5;
    private static final int COLLECTION = 6;
    private static final int VOLUMES = 7;
    private static final int INITIALISED = 8;
    private static final List<String> COLLECTION_RELATIONS = List.of("list", "set", "collection", "volumes");

    @TempDir
    static Path enhanced;

    private Fixtures fixtures;

    @BeforeAll
    static void enhanceFixtures() throws Exception {
        TestClasses.copy(enhanced, "example/unsaved/");
        ClassFolderEnhancer.Result result = ClassFolderEnhancer.enhance(enhanced, TestClasses.classPath(), List.of());
        assertEquals(Map.of(), result.failures());
        assertTrue(result.enhanced().containsAll(List.of("example.unsaved.Shelf", "example.unsaved.Shelved",
                "example.unsaved.Volume", "example.unsaved.Shelving")), result.enhanced().toString());
    }

    @BeforeEach
    void loadFreshCopies() {
        fixtures = new Fixtures(new ChildFirstLoader(enhanced, getClass().getClassLoader()));
    }

    private Object shelf() {
        return fixtures.create("example.unsaved.Shelf", "Fantasy");
    }

    private Object volume(String title) {
        return fixtures.create("example.unsaved.Volume", title);
    }

    private Object read(Object shelf, String field) {
        return fixtures.call(shelf, Enhanced.READ_PREFIX + field);
    }

    @Test
    void aNewObjectsNullCollectionRelationsReadAsEmptyCollectionsOfTheirDeclaredKind() {
        Object shelf = shelf();
        COLLECTION_RELATIONS.forEach(field -> assertNull(raw(shelf, field), field));
        assertEquals(ArrayList.class, read(shelf, "list").getClass());
        assertEquals(LinkedHashSet.class, read(shelf, "set").getClass());
        assertEquals(ArrayList.class, read(shelf, "collection").getClass());
        assertEquals(UnsavedRelationSet.class, read(shelf, "volumes").getClass());
        for (String field : COLLECTION_RELATIONS) {
            Object collection = read(shelf, field);
            assertTrue(((Collection<?>) collection).isEmpty(), field);
            assertSame(collection, raw(shelf, field), "the collection is stored in the field: " + field);
            assertSame(collection, read(shelf, field), "and read again: " + field);
        }
    }

    @Test
    void whatIsAddedThroughTheFieldFromAnotherClassIsKept() {
        Object shelf = shelf();
        Object earthsea = volume("Earthsea");
        Object tombs = volume("The Tombs of Atuan");
        Object equalToEarthsea = volume("Earthsea");
        fixtures.callStatic("example.unsaved.Shelving", "shelve", shelf,
                array(earthsea, tombs, equalToEarthsea));
        assertEquals(List.of(earthsea, tombs, equalToEarthsea), List.copyOf((Collection<?>) raw(shelf, "list")));
        assertEquals(List.of(earthsea, tombs), List.copyOf((Collection<?>) raw(shelf, "set")), "a Set uses equals");
        assertEquals(List.of(earthsea, tombs, equalToEarthsea), List.copyOf((Collection<?>) raw(shelf, "collection")));
        @SuppressWarnings("unchecked")
        UnsavedRelationSet<Object> volumes = (UnsavedRelationSet<Object>) raw(shelf, "volumes");
        assertEquals(3, volumes.size(), "a RelationSet holds each object once, by identity");
        assertSame(equalToEarthsea, volumes.elements().get(2));
        assertEquals(3, fixtures.call(shelf, "volumeCount"), "the entity's own code reads the same set");
    }

    @Test
    void aRelationSetOfANewObjectCannotBeQueried() {
        RelationSet<?> volumes = (RelationSet<?>) read(shelf(), "volumes");
        WeftException refused = assertThrows(WeftException.class, volumes::query);
        assertTrue(refused.getMessage().contains("has not been saved yet"), refused.getMessage());
        assertTrue(refused.getMessage().contains("save the owner first"), refused.getMessage());
    }

    @Test
    void aFieldWithAnInitialiserIsLeftAsItIs() {
        Object shelf = shelf();
        Object initialised = raw(shelf, "initialised");
        assertEquals(LinkedList.class, initialised.getClass());
        assertSame(initialised, read(shelf, "initialised"));
    }

    @Test
    void aCollectionRelationSetToNullReadsAsAFreshEmptyCollection() {
        Object shelf = shelf();
        Object first = read(shelf, "list");
        fixtures.callStatic("example.unsaved.Shelving", "clearList", shelf);
        assertNull(raw(shelf, "list"), "the write stores null");
        Object second = read(shelf, "list");
        assertNotSame(first, second);
        assertEquals(List.of(), second);
    }

    @Test
    void aCollectionRelationOfAMappedSuperclassIsFilledByTheSuperclassAccessor() {
        Object shelf = shelf();
        Object history = fixtures.call(shelf, "history");
        assertEquals(ArrayList.class, history.getClass());
        assertSame(history, raw(shelf, "history"));
    }

    @Test
    void scalarForeignKeyNonRelationAndTransientFieldsStayNull() {
        Object shelf = fixtures.create("example.unsaved.Shelf", (Object) null);
        assertNull(read(shelf, "label"));
        assertNull(fixtures.callStatic("example.unsaved.Shelving", "favouriteOf", shelf));
        assertNull(fixtures.callStatic("example.unsaved.Shelving", "tagsOf", shelf), "a List<String> is no relation");
        assertNull(fixtures.callStatic("example.unsaved.Shelving", "cacheOf", shelf), "a transient field is plain");
        assertNull(read(volume("Earthsea"), "shelf"));
        assertNull(raw(shelf, "favourite"));
        assertNull(raw(shelf, "tags"));
    }

    @Test
    void withAnInterceptorTheInterceptorIsCalledAndTheFieldIsNotReplaced() {
        Object shelf = shelf();
        FieldInterceptor interceptor = mock(FieldInterceptor.class);
        ((Enhanced) shelf).$weft$interceptor(interceptor);
        for (String field : COLLECTION_RELATIONS) {
            assertNull(read(shelf, field), field);
            assertNull(raw(shelf, field), field);
        }
        assertNull(fixtures.call(shelf, "history"));
        Object initialised = raw(shelf, "initialised");
        assertSame(initialised, read(shelf, "initialised"));
        for (int slot : new int[] {LIST, SET, COLLECTION, VOLUMES, HISTORY, INITIALISED}) {
            verify(interceptor).beforeRelationRead(shelf, slot);
        }
        verifyNoMoreInteractions(interceptor);
    }

    @Test
    void anInterceptorAttachedAfterTheFillSeesTheCollectionTheNewObjectHad() {
        Object shelf = shelf();
        Object volume = volume("Earthsea");
        @SuppressWarnings("unchecked")
        Collection<Object> volumes = (Collection<Object>) read(shelf, "volumes");
        volumes.add(volume);
        FieldInterceptor interceptor = mock(FieldInterceptor.class);
        ((Enhanced) shelf).$weft$interceptor(interceptor);
        assertSame(volumes, read(shelf, "volumes"));
        verify(interceptor).beforeRelationRead(shelf, VOLUMES);
        ((Enhanced) shelf).$weft$interceptor(null);
        assertSame(volumes, read(shelf, "volumes"), "detached again: the collection is kept");
    }

    private Object array(Object... volumes) {
        Object array = java.lang.reflect.Array.newInstance(fixtures.type("example.unsaved.Volume"), volumes.length);
        for (int i = 0; i < volumes.length; i++) {
            java.lang.reflect.Array.set(array, i, volumes[i]);
        }
        return array;
    }
}
