package com.example.library;

import dev.weft.Database;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs on the classes as the build left them: enhanced by weft-maven-plugin in process(-test)-classes. */
class BuildTimeEnhancementTest {

    @Test
    void mainAndTestEntitiesAreEnhancedForThisCoresContract() throws Exception {
        for (Class<?> entity : List.of(Author.class, Book.class, Loan.class)) {
            assertTrue(Enhanced.class.isAssignableFrom(entity), entity + " is not enhanced");
            assertEquals(Enhanced.CONTRACT_VERSION, entity.getField(Enhanced.VERSION_FIELD).getInt(null));
        }
        assertArrayEquals(new String[] {"id", "title", "author"},
                (String[]) Book.class.getField(Enhanced.FIELDS_FIELD).get(null));
        assertFalse(Enhanced.class.isAssignableFrom(Shelf.class));
    }

    @Test
    void directFieldAccessInOtherClassesIsIntercepted() {
        Author lem = new Author("Lem");          // the constructor writes name through the accessor too
        Book solaris = new Book("Solaris", lem);
        List<String> calls = new ArrayList<>();
        ((Enhanced) solaris).$weft$interceptor(recorder("book", calls));
        ((Enhanced) lem).$weft$interceptor(recorder("author", calls));

        assertEquals("Solaris by Lem", Shelf.label(solaris));
        assertEquals(List.of("book.beforeRead", "book.beforeRelationRead", "author.beforeRead"), calls);
        calls.clear();
        solaris.title = "Solaris (1961)";        // test code too: enhance-tests rewrote this class
        assertEquals(List.of("book.beforeWrite"), calls);
    }

    @Test
    void theEntitiesWorkWithTheRuntime() {
        try (Database db = Database.inMemory()) {
            db.createTables(Author.class, Book.class, Loan.class);
            Author lem = new Author("Lem");
            db.save(lem);
            Book solaris = new Book("Solaris", lem);
            db.save(solaris);
            assertEquals(1, db.select(Book.class).filter("author", lem).count());
        }
    }

    /** A FieldInterceptor that records the names of the calls, whatever methods the interface has. */
    private static FieldInterceptor recorder(String label, List<String> calls) {
        return (FieldInterceptor) Proxy.newProxyInstance(FieldInterceptor.class.getClassLoader(),
                new Class<?>[] {FieldInterceptor.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : label;
                    }
                    calls.add(label + "." + method.getName());
                    return null;
                });
    }
}
