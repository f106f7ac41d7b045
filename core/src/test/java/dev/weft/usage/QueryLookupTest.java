package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.Query;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Color;
import dev.weft.test.model.Product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every lookup of the contract on an entity's own columns, checked against a small fixed data set
 * whose answers are worked out by hand.
 *
 * <p>The negative lookups {@code ne} and {@code not_in} are the complements of {@code eq} and {@code in},
 * so rows whose column is NULL match them ({@code stock__ne 0} matches a NULL stock), as Java's
 * {@code !Objects.equals(stock, 0)} would. Ordering comparisons ({@code gt}, {@code lt} ...) and the
 * string lookups never match NULL.
 */
@ExtendWith(WeftDatabaseExtension.class)
class QueryLookupTest {

    /** name, stock, price, released, color, active. */
    static void fill(Database db) {
        db.createTables(Product.class);
        db.saveAll(List.of(
                new Product("Apple", 10, 1.50, LocalDate.of(2020, 1, 1), Color.RED, true),
                new Product("apricot", null, 2.25, LocalDate.of(2021, 6, 15), null, true),
                new Product("Banana", 0, 0.25, null, Color.GREEN, false),
                new Product("ÄBC Bakery", 5, 3.00, LocalDate.of(2022, 3, 1), Color.BLUE, true),
                new Product("Cherry", 20, 4.75, LocalDate.of(2019, 12, 31), Color.RED, false)));
    }

    static final Set<String> ALL = Set.of("Apple", "apricot", "Banana", "ÄBC Bakery", "Cherry");

    static Set<String> names(Query<Product> query) {
        Set<String> names = new TreeSet<>();
        for (Product product : query.fetchAll()) {
            names.add(product.name);
        }
        return names;
    }

    static Set<String> set(String... names) {
        return new TreeSet<>(Arrays.asList(names));
    }

    static Stream<Arguments> lookups() {
        return Stream.of(
                arguments("name", "Apple", set("Apple")),
                arguments("name__eq", "Apple", set("Apple")),
                arguments("name", "apple", set()),
                arguments("name__ne", "Apple", set("apricot", "Banana", "ÄBC Bakery", "Cherry")),
                arguments("stock", 0, set("Banana")),
                arguments("stock__ne", 0, set("Apple", "apricot", "ÄBC Bakery", "Cherry")),
                arguments("stock__gt", 5, set("Apple", "Cherry")),
                arguments("stock__ge", 5, set("Apple", "ÄBC Bakery", "Cherry")),
                arguments("stock__gte", 5, set("Apple", "ÄBC Bakery", "Cherry")),
                arguments("stock__lt", 5, set("Banana")),
                arguments("stock__le", 5, set("Banana", "ÄBC Bakery")),
                arguments("stock__lte", 5, set("Banana", "ÄBC Bakery")),
                arguments("price__gt", 2.25, set("ÄBC Bakery", "Cherry")),
                arguments("price__le", 1.5, set("Apple", "Banana")),
                arguments("price__between", List.of(1.5, 3.0), set("Apple", "apricot", "ÄBC Bakery")),
                arguments("stock__between", List.of(0, 5), set("Banana", "ÄBC Bakery")),
                arguments("released__gt", LocalDate.of(2020, 1, 1), set("apricot", "ÄBC Bakery")),
                arguments("released__lte", LocalDate.of(2020, 1, 1), set("Apple", "Cherry")),
                arguments("released__between", List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31)),
                        set("Apple", "apricot")),
                arguments("color", Color.RED, set("Apple", "Cherry")),
                arguments("color__ne", Color.RED, set("apricot", "Banana", "ÄBC Bakery")),
                arguments("color__in", List.of(Color.GREEN, Color.BLUE), set("Banana", "ÄBC Bakery")),
                arguments("active", true, set("Apple", "apricot", "ÄBC Bakery")),
                arguments("active", false, set("Banana", "Cherry")),
                arguments("name__in", List.of("Apple", "Cherry", "Durian"), set("Apple", "Cherry")),
                arguments("name__in", Set.of("Banana"), set("Banana")),
                arguments("name__in", List.of(), set()),
                arguments("name__not_in", List.of("Apple", "Cherry"), set("apricot", "Banana", "ÄBC Bakery")),
                arguments("name__not_in", List.of(), ALL),
                arguments("stock__in", List.of(0, 10), set("Apple", "Banana")),
                arguments("stock__not_in", List.of(0, 10), set("apricot", "ÄBC Bakery", "Cherry")),
                arguments("stock__isnull", true, set("apricot")),
                arguments("stock__isnull", false, set("Apple", "Banana", "ÄBC Bakery", "Cherry")),
                arguments("stock__notnull", true, set("Apple", "Banana", "ÄBC Bakery", "Cherry")),
                arguments("stock__notnull", false, set("apricot")),
                arguments("stock", null, set("apricot")),
                arguments("stock__eq", null, set("apricot")),
                arguments("stock__ne", null, set("Apple", "Banana", "ÄBC Bakery", "Cherry")),
                arguments("color", null, set("apricot")),
                arguments("released__isnull", true, set("Banana")),
                arguments("name__startswith", "A", set("Apple")),
                arguments("name__startswith", "a", set("apricot")),
                arguments("name__startswith", "", ALL),
                arguments("name__endswith", "y", set("Cherry", "ÄBC Bakery")),
                arguments("name__endswith", "Y", set()),
                arguments("name__contains", "an", set("Banana")),
                arguments("name__contains", "AN", set()),
                arguments("name__contains", "p", set("Apple", "apricot")),
                arguments("name__contains", "ÄBC", set("ÄBC Bakery")),
                arguments("name__contains", "äbc", set()),
                arguments("name__istartswith", "a", set("Apple", "apricot")),
                arguments("name__istartswith", "äb", set("ÄBC Bakery")),
                arguments("name__iendswith", "RY", set("Cherry", "ÄBC Bakery")),
                arguments("name__icontains", "AN", set("Banana")),
                arguments("name__icontains", "äbc", set("ÄBC Bakery")),
                arguments("name__icontains", "ÄBC", set("ÄBC Bakery")),
                arguments("name__icontains", "bak", set("ÄBC Bakery")),
                arguments("name__like", "_pple", set("Apple")),
                arguments("name__like", "%an%", set("Banana")),
                arguments("name__like", "Ch%y", set("Cherry")));
    }

    /** A capital sigma lowers to ς at the end of a word and to σ inside one: both are one letter to match. */
    @Test
    void aSigmaMatchesWhereverItStandsInTheWord(Database db) {
        db.createTables(Product.class);
        db.saveAll(List.of(new Product("Οδύσσεια"), new Product("ΣΙΣΥΦΟΣ")));

        assertEquals(set("Οδύσσεια"), names(db.select(Product.class).filter("name__istartswith", "ΟΔΎΣ")));
        assertEquals(set("Οδύσσεια"), names(db.select(Product.class).filter("name__icontains", "ύσς")));
        assertEquals(set("ΣΙΣΥΦΟΣ"), names(db.select(Product.class).filter("name__icontains", "σισ")));
        assertEquals(set("ΣΙΣΥΦΟΣ"), names(db.select(Product.class).filter("name__iendswith", "φοσ")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lookups")
    void lookupMatchesTheExpectedRows(String lookup, Object value, Set<String> expected, Database db) {
        fill(db);

        assertEquals(expected, names(db.select(Product.class).filter(lookup, value)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lookups")
    void excludeIsTheExactComplementOfFilter(String lookup, Object value, Set<String> expected, Database db) {
        fill(db);
        Set<String> complement = new TreeSet<>(ALL);
        complement.removeAll(expected);

        assertEquals(complement, names(db.select(Product.class).exclude(lookup, value)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lookups")
    void filterNotIsTheExactComplementOfFilter(String lookup, Object value, Set<String> expected, Database db) {
        fill(db);
        Set<String> complement = new TreeSet<>(ALL);
        complement.removeAll(expected);

        assertEquals(complement, names(db.select(Product.class).filter(Filter.not(Filter.where(lookup, value)))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lookups")
    void filterWhereMatchesLikeTheLookup(String lookup, Object value, Set<String> expected, Database db) {
        fill(db);

        assertEquals(expected, names(db.select(Product.class).filter(Filter.where(lookup, value))));
    }

    @Test
    void excludeKeepsRowsWhereTheColumnIsNull(Database db) {
        fill(db);

        Set<String> names = names(db.select(Product.class).exclude("stock__gt", 5));

        assertTrue(names.contains("apricot"), names::toString);
    }

    @Test
    void successiveFiltersAllMustHold(Database db) {
        fill(db);

        assertEquals(set("Apple"), names(db.select(Product.class).filter("active", true).filter("stock__gt", 5)));
    }

    @Test
    void filterAndExcludeCombine(Database db) {
        fill(db);

        assertEquals(set("apricot", "ÄBC Bakery"),
                names(db.select(Product.class).filter("active", true).exclude("name", "Apple")));
    }

    @Test
    void filterOrMatchesEitherSide(Database db) {
        fill(db);

        Filter either = Filter.or(Filter.where("stock", 0), Filter.where("color", Color.BLUE));

        assertEquals(set("Banana", "ÄBC Bakery"), names(db.select(Product.class).filter(either)));
    }

    @Test
    void filterAndMatchesBothSides(Database db) {
        fill(db);

        Filter both = Filter.and(Filter.where("color", Color.RED), Filter.where("active", false));

        assertEquals(set("Cherry"), names(db.select(Product.class).filter(both)));
    }

    @Test
    void filtersNestAsWritten(Database db) {
        fill(db);

        Filter nested = Filter.or(
                Filter.and(Filter.where("active", true), Filter.where("price__lt", 2.0)),
                Filter.not(Filter.or(Filter.where("stock__isnull", true), Filter.where("stock__lt", 20))));

        assertEquals(set("Apple", "Cherry"), names(db.select(Product.class).filter(nested)));
    }

    @Test
    void notOfAnOrWithNullsKeepsOnlyRowsWhereBothAreFalse(Database db) {
        fill(db);

        Filter neither = Filter.not(Filter.or(Filter.where("stock__gt", 5), Filter.where("color", Color.BLUE)));

        assertEquals(set("apricot", "Banana"), names(db.select(Product.class).filter(neither)));
    }

    @Test
    void excludeOfAFilterObjectIsItsComplement(Database db) {
        fill(db);

        Filter redOrBlue = Filter.or(Filter.where("color", Color.RED), Filter.where("color", Color.BLUE));

        assertEquals(set("apricot", "Banana"), names(db.select(Product.class).exclude(redOrBlue)));
    }

    @Test
    void emptyAndOrMatchLikeTrueAndFalse(Database db) {
        fill(db);

        assertEquals(ALL, names(db.select(Product.class).filter(Filter.and())));
        assertEquals(set(), names(db.select(Product.class).filter(Filter.or())));
    }

    @Test
    void anInListLongerThanSqlitesParameterLimitMatchesAllItsValues(Database db) {
        fill(db);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            many.add("no such name " + i);
        }
        many.add("Cherry");
        many.add("Apple");

        assertEquals(set("Apple", "Cherry"), names(db.select(Product.class).filter("name__in", many)));
        assertEquals(set("apricot", "Banana", "ÄBC Bakery"),
                names(db.select(Product.class).filter("name__not_in", many)));
    }

    @Test
    void aPrimitiveColumnComparedToNullMatchesNothing(Database db) {
        fill(db);

        assertEquals(set(), names(db.select(Product.class).filter("price", null)));
        assertEquals(ALL, names(db.select(Product.class).filter("price__ne", null)));
    }
}
