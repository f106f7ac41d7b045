package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Query;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Characters that mean something to LIKE or GLOB ({@code % _ \ * ? [}) are plain characters in
 * {@code contains}, {@code startswith}, {@code endswith} and their case-insensitive forms, and values never
 * become SQL.
 */
@ExtendWith(WeftDatabaseExtension.class)
class QueryWildcardTest {

    static final List<String> NAMES = List.of("100% juice", "100 juice", "a_b", "axb", "back\\slash", "backslash",
            "star*", "stars", "what?", "whatx", "[x]", "x", "^caret", "caret", "Straße", "STRASSE", "a'b", "a\"b");

    static void fill(Database db) {
        db.createTables(Product.class);
        List<Product> products = new ArrayList<>();
        for (String name : NAMES) {
            products.add(new Product(name));
        }
        db.saveAll(products);
    }

    static Set<String> names(Query<Product> query) {
        Set<String> names = new TreeSet<>();
        query.fetchAll().forEach(p -> names.add(p.name));
        return names;
    }

    static Stream<Arguments> literalPatterns() {
        return Stream.of(
                arguments("name__contains", "%", Set.of("100% juice")),
                arguments("name__contains", "0% ", Set.of("100% juice")),
                arguments("name__icontains", "%", Set.of("100% juice")),
                arguments("name__startswith", "100%", Set.of("100% juice")),
                arguments("name__istartswith", "100%", Set.of("100% juice")),
                arguments("name__contains", "_", Set.of("a_b")),
                arguments("name__icontains", "A_B", Set.of("a_b")),
                arguments("name__endswith", "_b", Set.of("a_b")),
                arguments("name__iendswith", "_B", Set.of("a_b")),
                arguments("name__contains", "\\", Set.of("back\\slash")),
                arguments("name__icontains", "K\\S", Set.of("back\\slash")),
                arguments("name__contains", "*", Set.of("star*")),
                arguments("name__endswith", "*", Set.of("star*")),
                arguments("name__icontains", "R*", Set.of("star*")),
                arguments("name__contains", "?", Set.of("what?")),
                arguments("name__iendswith", "T?", Set.of("what?")),
                arguments("name__contains", "[x]", Set.of("[x]")),
                arguments("name__startswith", "[", Set.of("[x]")),
                arguments("name__icontains", "[X", Set.of("[x]")),
                arguments("name__startswith", "^", Set.of("^caret")),
                arguments("name__contains", "'", Set.of("a'b")),
                arguments("name__contains", "\"", Set.of("a\"b")),
                arguments("name__eq", "a_b", Set.of("a_b")),
                arguments("name__contains", "ß", Set.of("Straße")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("literalPatterns")
    void patternCharactersAreLiteral(String lookup, String value, Set<String> expected, Database db) {
        fill(db);

        assertEquals(new TreeSet<>(expected), names(db.select(Product.class).filter(lookup, value)));
    }

    @Test
    void likeKeepsItsWildcards(Database db) {
        fill(db);

        assertEquals(Set.of("a_b", "axb", "a'b", "a\"b"), names(db.select(Product.class).filter("name__like", "a_b")));
    }

    @Test
    void injectionAttemptIsJustAValue(Database db, StatementLog log) {
        fill(db);
        String attack = "x'; DROP TABLE product; --";
        log.clear();

        assertEquals(Set.of(), names(db.select(Product.class).filter("name", attack)));

        assertEquals(NAMES.size(), db.select(Product.class).count());
        for (String sql : log.all()) {
            assertFalse(sql.contains("DROP"), sql);
        }
    }

    @Test
    void filterValuesAreBoundAsParameters(Database db, StatementLog log) {
        fill(db);
        log.clear();

        db.select(Product.class).filter("name__icontains", "juice").filter("name__ne", "secret-value").fetchAll();

        List<String> selects = log.matching("SELECT");
        assertEquals(1, selects.size(), log::toString);
        assertTrue(selects.get(0).contains("?"), selects.get(0));
        assertFalse(selects.get(0).contains("juice"), selects.get(0));
        assertFalse(selects.get(0).contains("secret-value"), selects.get(0));
    }

    @Test
    void injectionThroughAnInListIsJustAValue(Database db, StatementLog log) {
        fill(db);
        log.clear();

        assertEquals(Set.of("x"), names(db.select(Product.class).filter("name__in", List.of("x", "') OR 1=1 --"))));
        assertFalse(log.matching("SELECT").get(0).contains("1=1"), log::toString);
    }

    @Test
    void injectionThroughContainsIsJustAValue(Database db) {
        fill(db);

        assertEquals(Set.of(), names(db.select(Product.class).filter("name__contains", "%' OR '1'='1")));
    }
}
