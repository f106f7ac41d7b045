package dev.weft.agent.internal;

import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static dev.weft.agent.internal.Fixtures.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The enhancer on the fixture classes, enhanced on disk as the Maven plugin does ({@link ClassFolderEnhancer})
 * and loaded in a fresh child-first class loader. A Mockito mock stands in for the runtime's
 * {@link FieldInterceptor}: it records which slots were announced.
 */
class WeftEnhancerTest {

    // Slots: Book [id, title, author, pages]; Author [id, createdAt (from Timestamped), name, email, books].
    private static final int BOOK_TITLE = 1;
    private static final int BOOK_AUTHOR = 2;
    private static final int BOOK_PAGES = 3;
    private static final int AUTHOR_ID = 0;
    private static final int AUTHOR_NAME = 2;
    private static final int AUTHOR_BOOKS = 4;

    @TempDir
    static Path enhanced;
    private static ClassFolderEnhancer.Result result;

    private Fixtures fixtures;
    private FieldInterceptor interceptor;

    @BeforeAll
    static void enhanceFixtures() throws Exception {
        TestClasses.copy(enhanced, "example/library/", "example/app/");
        result = ClassFolderEnhancer.enhance(enhanced, TestClasses.classPath(), List.of());
    }

    @BeforeEach
    void loadFreshCopies() {
        fixtures = new Fixtures(new ChildFirstLoader(enhanced, getClass().getClassLoader()));
        interceptor = mock(FieldInterceptor.class);
    }

    private Object book(String title, Object author, int pages) {
        return fixtures.create("example.library.Book", title, author, pages);
    }

    private Object author(String name) {
        return fixtures.create("example.library.Author", name);
    }

    private <T> T intercepted(T entity) {
        ((Enhanced) entity).$weft$interceptor(interceptor);
        return entity;
    }

    @Test
    void enhancesEveryFixtureWithoutFailures() {
        assertEquals(Map.of(), result.failures());
        List<String> expected = List.of("example.library.Book", "example.library.Author",
                "example.library.Timestamped", "example.library.Book$PageCounter", "example.library.Book$1",
                "example.app.Library", "example.app.Library$1", "example.app.SpecialBook", "example.app.AgentMain");
        assertTrue(result.enhanced().containsAll(expected), result.enhanced().toString());
    }

    @Test
    void entitiesAndMappedSuperclassesImplementEnhancedOnThemselves() {
        for (String name : List.of("example.library.Book", "example.library.Author", "example.library.Timestamped")) {
            assertTrue(Arrays.asList(fixtures.type(name).getInterfaces()).contains(Enhanced.class), name);
        }
        assertFalse(Arrays.asList(fixtures.type("example.app.SpecialBook").getInterfaces()).contains(Enhanced.class));
    }

    @Test
    void fieldsListsSlotsWithMappedSuperclassFieldsFirst() throws Exception {
        assertEquals(List.of("id", "title", "author", "pages"), slotNames("example.library.Book"));
        assertEquals(List.of("id", "createdAt", "name", "email", "books"), slotNames("example.library.Author"));
        assertEquals(List.of("id", "createdAt"), slotNames("example.library.Timestamped"));
        for (String name : List.of("example.library.Book", "example.library.Author", "example.library.Timestamped")) {
            var version = fixtures.type(name).getDeclaredField(Enhanced.VERSION_FIELD);
            assertTrue(Modifier.isStatic(version.getModifiers()) && Modifier.isFinal(version.getModifiers()));
            assertEquals(Enhanced.CONTRACT_VERSION, version.getInt(null), name);
        }
    }

    private List<String> slotNames(String type) throws ReflectiveOperationException {
        var field = fixtures.type(type).getDeclaredField(Enhanced.FIELDS_FIELD);
        assertTrue(Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                && Modifier.isFinal(field.getModifiers()));
        return Arrays.asList((String[]) field.get(null));
    }

    @Test
    void interceptorIsAttachedThroughTheMappedSuperclass() throws Exception {
        Object author = intercepted(author("Ursula"));
        assertSame(interceptor, ((Enhanced) author).$weft$interceptor());
        var field = fixtures.type("example.library.Timestamped").getDeclaredField(Enhanced.INTERCEPTOR_FIELD);
        assertTrue(Modifier.isTransient(field.getModifiers()) && Modifier.isPrivate(field.getModifiers()));
        assertThrows(NoSuchFieldException.class,
                () -> fixtures.type("example.library.Author").getDeclaredField(Enhanced.INTERCEPTOR_FIELD));
    }

    @Nested
    class SlotAccessors {

        private Object get(Object entity, int slot) {
            return ((Enhanced) entity).$weft$get(slot);
        }

        private void set(Object entity, int slot, Object value) {
            ((Enhanced) entity).$weft$set(slot, value);
        }

        @Test
        void readAndWriteFieldsBoxedWithoutCallingTheInterceptor() {
            Object author = intercepted(author("Ursula"));
            Object book = intercepted(book("Earthsea", author, 183));
            assertEquals("Earthsea", get(book, BOOK_TITLE));
            assertSame(author, get(book, BOOK_AUTHOR));
            assertEquals(183, get(book, BOOK_PAGES));
            set(book, BOOK_TITLE, "Tehanu");
            set(book, BOOK_PAGES, 252);
            set(book, BOOK_AUTHOR, null);
            assertEquals("Tehanu", raw(book, "title"));
            assertEquals(252, raw(book, "pages"));
            assertNull(raw(book, "author"));
            verifyNoInteractions(interceptor);
        }

        @Test
        void nullSetsAPrimitiveFieldToZero() {
            Object book = book("Earthsea", null, 183);
            set(book, BOOK_PAGES, null);
            assertEquals(0, raw(book, "pages"));
        }

        @Test
        void anEntityPassesTheSlotsOfItsMappedSuperclassToIt() {
            Object author = intercepted(author("Ursula"));
            set(author, AUTHOR_ID, 7L);
            java.time.Instant now = java.time.Instant.now();
            set(author, 1, now);
            assertEquals(7L, get(author, AUTHOR_ID));
            assertSame(now, get(author, 1));
            assertEquals("Ursula", get(author, AUTHOR_NAME));
            set(author, AUTHOR_ID, null);
            assertEquals(0L, get(author, AUTHOR_ID));
            verifyNoInteractions(interceptor);
        }

        @Test
        void aSlotNoFieldHasIsRefusedNamingTheClass() {
            Object author = author("Ursula");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> get(author, 9));
            assertEquals("no persistent field has slot 9 in example.library.Author", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> set(book("Earthsea", null, 1), -1, "x"));
        }

        @Test
        void aValueOfTheWrongTypeIsAClassCastException() {
            assertThrows(ClassCastException.class, () -> set(book("Earthsea", null, 1), BOOK_PAGES, "many"));
        }
    }

    @Nested
    class Reads {

        @Test
        void gettersInTheEntityAnnounceTheSlot() {
            Object author = author("Ursula");
            Object book = intercepted(book("Earthsea", author, 183));
            assertSame(author, fixtures.call(book, "getAuthor"));
            assertEquals(183, fixtures.call(book, "getPages"));
            InOrder order = inOrder(interceptor);
            order.verify(interceptor).beforeRelationRead(book, BOOK_AUTHOR);
            order.verify(interceptor).beforeRead(book, BOOK_PAGES);
            verifyNoMoreInteractions(interceptor);
        }

        @Test
        void directFieldAccessFromAnotherPackageAnnouncesEachEntity() {
            Object author = intercepted(author("Ursula"));
            Object book = intercepted(book("Earthsea", author, 183));
            assertEquals("Ursula", fixtures.callStatic("example.app.Library", "authorNameOf", book));
            InOrder order = inOrder(interceptor);
            order.verify(interceptor).beforeRelationRead(book, BOOK_AUTHOR);
            order.verify(interceptor).beforeRead(author, AUTHOR_NAME);
            verifyNoMoreInteractions(interceptor);
        }

        @Test
        void aCollectionRelationIsARelationRead() {
            Object author = intercepted(author("Ursula"));
            assertEquals(0, fixtures.callStatic("example.app.Library", "bookCount", author));
            verify(interceptor).beforeRelationRead(author, AUTHOR_BOOKS);
            verifyNoMoreInteractions(interceptor);
        }

        @Test
        void aFieldOfTheMappedSuperclassReadThroughTheEntityHasItsSlot() {
            Object author = intercepted(author("Ursula"));
            assertEquals(0L, fixtures.callStatic("example.app.Library", "idOf", author));
            verify(interceptor).beforeRead(author, AUTHOR_ID);
        }

        @Test
        void lambdasInTheEntityAndInAnotherClassAreRewritten() {
            Object book = intercepted(book("Earthsea", null, 183));
            Supplier<?> own = (Supplier<?>) fixtures.call(book, "titleLater");
            Supplier<?> foreign = (Supplier<?>) fixtures.callStatic("example.app.Library", "titleLater", book);
            verifyNoInteractions(interceptor);
            assertEquals("Earthsea", own.get());
            assertEquals("Earthsea", foreign.get());
            verify(interceptor, org.mockito.Mockito.times(2)).beforeRead(book, BOOK_TITLE);
        }

        @Test
        void innerAndAnonymousClassesReadPrivateFieldsThroughTheInterceptor() {
            Object book = intercepted(book("Earthsea", null, 183));
            assertEquals(183, fixtures.call(book, "pagesThroughInnerClass"));
            assertEquals(183, fixtures.call(book, "pagesThroughAnonymousClass"));
            assertEquals("Earthsea", fixtures.callStatic("example.app.Library", "titleThroughAnonymousClass", book));
            InOrder order = inOrder(interceptor);
            order.verify(interceptor, org.mockito.Mockito.times(2)).beforeRead(book, BOOK_PAGES);
            order.verify(interceptor).beforeRead(book, BOOK_TITLE);
            verifyNoMoreInteractions(interceptor);
        }

        @Test
        void aPlainSubclassOfAnEntityReadsAndWritesInheritedFieldsThroughTheInterceptor() {
            Object special = intercepted(fixtures.create("example.app.SpecialBook"));
            fixtures.call(special, "retitle", "Tehanu");
            assertEquals("TEHANU", fixtures.call(special, "shout"));
            InOrder order = inOrder(interceptor);
            order.verify(interceptor).beforeWrite(special, BOOK_TITLE);
            order.verify(interceptor).beforeRead(special, BOOK_TITLE);
            verifyNoMoreInteractions(interceptor);
        }

        @Test
        void transientAndStaticFieldsAreNotIntercepted() {
            Object book = intercepted(book("Earthsea", null, 183));
            assertNull(fixtures.callStatic("example.app.Library", "noteOf", book));
            assertEquals(0, fixtures.callStatic("example.app.Library", "loadedBooks"));
            verifyNoInteractions(interceptor);
        }
    }

    @Nested
    class Writes {

        @Test
        void scalarWritesAnnounceTheSlot() {
            Object author = intercepted(author("Ursula"));
            fixtures.callStatic("example.app.Library", "rename", author, "Ursula K.");
            verify(interceptor).beforeWrite(author, AUTHOR_NAME);
            verifyNoMoreInteractions(interceptor);
            assertEquals("Ursula K.", raw(author, "name"));
        }

        @Test
        void relationWritesAnnounceTheSlotAndTheValue() {
            Object first = author("Ursula");
            Object second = author("Le Guin");
            Object book = intercepted(book("Earthsea", first, 183));
            fixtures.callStatic("example.app.Library", "assign", book, second);
            fixtures.call(book, "setAuthor", first);
            InOrder order = inOrder(interceptor);
            order.verify(interceptor).beforeRelationWrite(book, BOOK_AUTHOR, second);
            order.verify(interceptor).beforeRelationWrite(book, BOOK_AUTHOR, first);
            verifyNoMoreInteractions(interceptor);
            assertSame(first, raw(book, "author"));
        }

        @Test
        void aWriteIsAnnouncedBeforeTheFieldChanges() {
            Object first = author("Ursula");
            Object second = author("Le Guin");
            Object book = intercepted(book("Earthsea", first, 183));
            Object[] seen = new Object[2];
            doAnswer(call -> seen[0] = raw(book, "author")).when(interceptor).beforeRelationWrite(any(), anyInt(), any());
            doAnswer(call -> seen[1] = raw(book, "pages")).when(interceptor).beforeWrite(any(), anyInt());
            fixtures.callStatic("example.app.Library", "assign", book, second);
            fixtures.call(book, "setPages", 250);
            assertSame(first, seen[0]);
            assertEquals(183, seen[1]);
            assertEquals(250, raw(book, "pages"));
        }
    }

    @Test
    void withoutAnInterceptorFieldsBehaveLikePlainFields() {
        Object author = author("Ursula");
        Object other = author("Le Guin");
        Object book = book("Earthsea", author, 183);
        assertEquals("Ursula", fixtures.callStatic("example.app.Library", "authorNameOf", book));
        fixtures.callStatic("example.app.Library", "rename", author, "Ursula K.");
        fixtures.callStatic("example.app.Library", "assign", book, other);
        fixtures.call(book, "setPages", 250);
        assertSame(other, fixtures.call(book, "getAuthor"));
        assertEquals("Ursula K.", fixtures.call(author, "getName"));
        assertEquals(250, fixtures.call(book, "pagesThroughInnerClass"));
        assertEquals("Earthsea", ((Supplier<?>) fixtures.call(book, "titleLater")).get());
        assertNull(((Enhanced) book).$weft$interceptor());
    }

    @Test
    void detachingTheInterceptorStopsTheCalls() {
        Object book = intercepted(book("Earthsea", null, 183));
        ((Enhanced) book).$weft$interceptor(null);
        assertEquals(183, fixtures.call(book, "getPages"));
        verifyNoInteractions(interceptor);
    }

    @Test
    void aNoArgumentConstructorIsAddedWhenMissing() throws Exception {
        Class<?> author = fixtures.type("example.library.Author");
        Constructor<?> constructor = author.getDeclaredConstructor();
        assertTrue(Modifier.isPrivate(constructor.getModifiers()));
        constructor.setAccessible(true);
        Object loaded = constructor.newInstance();
        assertNull(raw(loaded, "name"));
        assertEquals(0L, raw(loaded, "id"));
        Constructor<?> existing = fixtures.type("example.library.Book").getDeclaredConstructor();
        assertTrue(Modifier.isPublic(existing.getModifiers()), "the declared constructor is kept as it is");
    }

    @Test
    void nothingButTheContractIsAddedAndToStringEqualsHashCodeAreUntouched() throws Exception {
        Fixtures original = new Fixtures(new ChildFirstLoader(TestClasses.folder(), getClass().getClassLoader()));
        for (String name : List.of("example.library.Book", "example.library.Author", "example.library.Timestamped")) {
            Set<String> before = methodNames(original.type(name));
            Set<String> after = methodNames(fixtures.type(name));
            after.removeIf(method -> method.startsWith("$weft$"));
            assertEquals(before, after, name);
        }
        assertThrows(NoSuchMethodException.class, () -> fixtures.type("example.library.Author").getDeclaredMethod("equals", Object.class));
        assertThrows(NoSuchMethodException.class, () -> fixtures.type("example.library.Author").getDeclaredMethod("hashCode"));
        Object book = book("Earthsea", null, 183);
        assertEquals("Book(Earthsea, 183)", book.toString());
        assertEquals(Long.hashCode(0), book.hashCode());
        assertFalse(book.equals(book("Earthsea", null, 183)));
    }

    private static Set<String> methodNames(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            names.add(method.getName() + Arrays.toString(method.getParameterTypes()));
        }
        return names;
    }

    @Test
    void generatedAccessorsAreSyntheticAndFinal() throws Exception {
        Method read = fixtures.type("example.library.Book").getDeclaredMethod("$weft$read$title");
        Method write = fixtures.type("example.library.Book").getDeclaredMethod("$weft$write$title", String.class);
        for (Method accessor : List.of(read, write)) {
            assertTrue(accessor.isSynthetic() && Modifier.isFinal(accessor.getModifiers())
                    && Modifier.isPublic(accessor.getModifiers()), accessor.toString());
        }
        assertThrows(NoSuchMethodException.class, () -> fixtures.type("example.library.Book").getDeclaredMethod("$weft$read$note"));
        assertThrows(NoSuchMethodException.class, () -> fixtures.type("example.library.Author").getDeclaredMethod("$weft$read$id"));
    }
}
