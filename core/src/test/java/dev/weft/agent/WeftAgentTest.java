package dev.weft.agent;

import dev.weft.agent.internal.ChildFirstLoader;
import dev.weft.agent.internal.ClassFolderEnhancer;
import dev.weft.agent.internal.Fixtures;
import dev.weft.agent.internal.TestClasses;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The agent in this JVM: installed on Byte Buddy's self-attached {@link Instrumentation}, it enhances the fixtures
 * as a fresh child-first class loader defines them, and is removed after each test.
 */
class WeftAgentTest {

    private static Instrumentation instrumentation;

    @BeforeAll
    static void attach() {
        instrumentation = ByteBuddyAgent.install();
    }

    @AfterEach
    void removeTheTransformer() {
        WeftAgent.uninstall(instrumentation);
    }

    @Test
    void classesAreEnhancedAsTheyLoad() {
        WeftAgent.install("packages=example.library,example.app", instrumentation);
        Fixtures fixtures = new Fixtures(new ChildFirstLoader(TestClasses.folder(), getClass().getClassLoader()));
        FieldInterceptor interceptor = mock(FieldInterceptor.class);
        Object author = fixtures.create("example.library.Author", "Ursula");
        Object book = fixtures.create("example.library.Book", "Earthsea", author, 183);
        ((Enhanced) author).$weft$interceptor(interceptor);
        ((Enhanced) book).$weft$interceptor(interceptor);

        assertEquals("Ursula", fixtures.callStatic("example.app.Library", "authorNameOf", book));
        assertEquals("Earthsea", ((Supplier<?>) fixtures.callStatic("example.app.Library", "titleLater", book)).get());
        assertEquals(183, fixtures.call(book, "pagesThroughInnerClass"));
        fixtures.callStatic("example.app.Library", "rename", author, "Le Guin");

        InOrder order = inOrder(interceptor);
        order.verify(interceptor).beforeRelationRead(book, 2);
        order.verify(interceptor).beforeRead(author, 2);
        order.verify(interceptor).beforeRead(book, 1);
        order.verify(interceptor).beforeRead(book, 3);
        order.verify(interceptor).beforeWrite(author, 2);
        verifyNoMoreInteractions(interceptor);
    }

    @Test
    void theSlotTableIsTheSameAsTheBuildTimeOne() throws Exception {
        WeftAgent.install(null, instrumentation);
        Fixtures fixtures = new Fixtures(new ChildFirstLoader(TestClasses.folder(), getClass().getClassLoader()));
        String[] fields = (String[]) fixtures.type("example.library.Author").getField(Enhanced.FIELDS_FIELD).get(null);
        assertEquals(List.of("id", "createdAt", "name", "email", "books"), Arrays.asList(fields));
    }

    @Test
    void aClassEnhancedAtBuildTimeIsLeftAsItIs(@TempDir Path folder) {
        TestClasses.copy(folder, "example/library/", "example/app/");
        try {
            ClassFolderEnhancer.enhance(folder, TestClasses.classPath(), List.of());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        WeftAgent.install("packages=example", instrumentation);
        String errors = capturingErrors(() -> {
            Fixtures fixtures = new Fixtures(new ChildFirstLoader(folder, getClass().getClassLoader()));
            FieldInterceptor interceptor = mock(FieldInterceptor.class);
            Object author = fixtures.create("example.library.Author", "Ursula");
            Object book = fixtures.create("example.library.Book", "Earthsea", author, 183);
            ((Enhanced) book).$weft$interceptor(interceptor);
            assertEquals("Ursula", fixtures.callStatic("example.app.Library", "authorNameOf", book));
            verify(interceptor).beforeRelationRead(book, 2); // once: not wrapped twice
            verifyNoMoreInteractions(interceptor);
        });
        assertEquals("", errors);
    }

    @Test
    void aClassThatCannotBeEnhancedLoadsAndTheReasonIsPrinted() {
        WeftAgent.install("packages=example.invalid", instrumentation);
        String errors = capturingErrors(() -> {
            Fixtures fixtures = new Fixtures(new ChildFirstLoader(TestClasses.folder(), getClass().getClassLoader()));
            Object entity = fixtures.create("example.invalid.FinalFieldEntity");
            assertFalse(entity instanceof Enhanced);
            assertEquals(0L, fixtures.callStatic("example.invalid.UsesInvalid", "idOf", entity));
        });
        assertTrue(errors.contains("could not enhance example.invalid.FinalFieldEntity"), errors);
        assertTrue(errors.contains("example.invalid.FinalFieldEntity.code is final: make it non-final"), errors);
    }

    @Test
    void installingTwiceIsANoOp() {
        WeftAgent.install("packages=example.library", instrumentation);
        WeftAgent.install("packages=example.app", instrumentation);
        Fixtures fixtures = new Fixtures(new ChildFirstLoader(TestClasses.folder(), getClass().getClassLoader()));
        assertTrue(Enhanced.class.isAssignableFrom(fixtures.type("example.library.Book")));
    }

    private static String capturingErrors(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
