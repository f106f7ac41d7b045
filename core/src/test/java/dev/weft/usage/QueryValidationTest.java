package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Product;
import dev.weft.test.model.Profile;
import dev.weft.test.model.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes in a query raise {@link QueryException} at the call that makes them ({@code filter},
 * {@code exclude}, {@code order}), before anything runs, naming the culprit and the valid names.
 */
@ExtendWith(WeftDatabaseExtension.class)
class QueryValidationTest {

    private Query<Product> products;

    @BeforeEach
    void createTables(Database db, StatementLog log) {
        db.createTables(Product.class, Author.class, Book.class, Category.class, User.class, Profile.class);
        products = db.select(Product.class);
        log.clear();
    }

    private static void assertMentions(QueryException e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "message lacks '" + word + "': " + e.getMessage());
        }
    }

    @Test
    void unknownFieldFailsAtTheFilterCall(StatementLog log) {
        QueryException e = assertThrows(QueryException.class, () -> products.filter("weight", 3));

        assertMentions(e, "weight");
        assertEquals(0, log.count(), "nothing was sent: " + log);
    }

    @Test
    void unknownFieldMessageListsTheValidNames() {
        QueryException e = assertThrows(QueryException.class, () -> products.filter("weight", 3));

        assertMentions(e, "Product", "name", "stock", "price", "released", "color", "active");
    }

    @Test
    void unknownFieldWithALookupFailsAtTheFilterCall() {
        QueryException e = assertThrows(QueryException.class, () -> products.filter("weight__gt", 3));

        assertMentions(e, "weight");
    }

    @Test
    void unknownLookupFailsAtTheFilterCall() {
        QueryException e = assertThrows(QueryException.class, () -> products.filter("name__resembles", "x"));

        assertMentions(e, "resembles", "icontains");
    }

    @Test
    void columnNameIsNotAFieldName(Database db) {
        assertThrows(QueryException.class, () -> db.select(Book.class).filter("published_date", LocalDate.now()));
    }

    @Test
    void unknownFieldInExcludeFailsAtTheCall() {
        assertThrows(QueryException.class, () -> products.exclude("weight", 3));
    }

    @Test
    void unknownFieldInsideAFilterObjectFailsAtTheFilterCall() {
        Filter filter = Filter.or(Filter.where("name", "Apple"), Filter.not(Filter.where("weight__lt", 3)));

        QueryException e = assertThrows(QueryException.class, () -> products.filter(filter));

        assertMentions(e, "weight");
    }

    @Test
    void unknownFieldInOrderFailsAtTheOrderCall() {
        QueryException e = assertThrows(QueryException.class, () -> products.order("weight"));

        assertMentions(e, "weight", "price");
    }

    @Test
    void unknownDescendingFieldInOrderFailsAtTheOrderCall() {
        QueryException e = assertThrows(QueryException.class, () -> products.order("name", "-weight"));

        assertMentions(e, "weight");
    }

    @Test
    void aListForGtIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("price__gt", List.of(1.0, 2.0)));
    }

    @Test
    void aScalarForInIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("name__in", "Apple"));
    }

    @Test
    void aScalarForNotInIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("name__not_in", "Apple"));
    }

    @Test
    void nullForInIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("name__in", null));
    }

    @Test
    void aNonBooleanForIsnullIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("stock__isnull", "yes"));
        assertThrows(QueryException.class, () -> products.filter("stock__isnull", 1));
    }

    @Test
    void aNonBooleanForNotnullIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("stock__notnull", "no"));
    }

    @Test
    void betweenNeedsExactlyTwoValues() {
        assertThrows(QueryException.class, () -> products.filter("price__between", List.of(1.0)));
        assertThrows(QueryException.class, () -> products.filter("price__between", List.of(1.0, 2.0, 3.0)));
        assertThrows(QueryException.class, () -> products.filter("price__between", 1.0));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("released__gt", "yesterday"));
    }

    @Test
    void aNumberBeyondAnIntFieldIsRefusedNotCutDown(Database db) {
        db.save(new Product("Apple", 705_032_704, 1.0, null, null, true)); // 5,000,000,000 cut to an int

        QueryException equal = assertThrows(QueryException.class, () -> products.filter("stock", 5_000_000_000L));
        assertMentions(equal, "Product.stock", "5000000000", "2147483647");
        assertThrows(QueryException.class, () -> products.filter("stock__gt", 3_000_000_000L));
        assertThrows(QueryException.class, () -> products.filter("stock__in", List.of(1L, 5_000_000_000L)));
        assertThrows(QueryException.class, () -> products.update(java.util.Map.of("stock", 5_000_000_000L)));

        assertEquals(1, products.filter("stock", 705_032_704L).count(), "a long that fits is compared as it is");
        assertEquals(705_032_704, products.get().stock, "the failed update stored nothing");
    }

    @Test
    void stringLookupsOnANumberAreRefusedOrWork() {
        // contains on a number column is not meaningful; it must either be refused at the call or run.
        try {
            products.filter("price__contains", "5").count();
        } catch (QueryException expected) {
            assertMentions(expected, "price");
        }
    }

    @Test
    void aMistakeInALaterCallDoesNotSpoilTheEarlierQuery() {
        Query<Product> named = products.filter("name", "Apple");

        assertThrows(QueryException.class, () -> named.filter("weight", 1));

        assertEquals(0, named.count());
    }

    @Test
    void filterByAnUnknownRelationPathFails(Database db) {
        QueryException e = assertThrows(QueryException.class,
                () -> db.select(Book.class).filter("publisher__name", "Acme"));

        assertMentions(e, "publisher");
    }

    @Test
    void emptyLookupIsRefused() {
        assertThrows(QueryException.class, () -> products.filter("", 1));
        assertThrows(QueryException.class, () -> products.filter("__gt", 1));
    }

    @Test
    void aNullLookupOrPathSaysWhatWasExpected(Database db) {
        NullPointerException filter = assertThrows(NullPointerException.class, () -> products.filter(null, 1));
        NullPointerException exclude = assertThrows(NullPointerException.class, () -> products.exclude(null, 1));
        NullPointerException order = assertThrows(NullPointerException.class, () -> products.order((String) null));
        NullPointerException related = assertThrows(NullPointerException.class,
                () -> db.select(Book.class).selectRelated((String) null));
        NullPointerException prefetch = assertThrows(NullPointerException.class,
                () -> db.select(Book.class).prefetchRelated((String) null));

        for (NullPointerException e : List.of(filter, exclude, order)) {
            assertTrue(e.getMessage().contains("Product") && e.getMessage().contains("null"), e.getMessage());
        }
        for (NullPointerException e : List.of(related, prefetch)) {
            assertTrue(e.getMessage().contains("Book") && e.getMessage().contains("author"), e.getMessage());
        }
    }

    @Test
    void updateSaysWhyAKeyIsRefused(Database db) {
        Query<Book> books = db.select(Book.class);

        assertMentions(assertThrows(QueryException.class, () -> books.update(java.util.Map.of("id", 9L))),
                "Book.id", "keeps its id");
        assertMentions(assertThrows(QueryException.class, () -> books.update(java.util.Map.of("author__name", "x"))),
                "author__name", "own fields", "query of their entity");
        assertMentions(assertThrows(QueryException.class, () -> books.update(java.util.Map.of("title__gt", "x"))),
                "title__gt", "without a lookup");
        assertMentions(assertThrows(QueryException.class,
                () -> db.select(Author.class).update(java.util.Map.of("books", List.of()))),
                "Author.books", "collection relation");
        assertMentions(assertThrows(QueryException.class,
                () -> db.select(User.class).update(java.util.Map.of("profile", 1L))),
                "User.profile", "one-to-one Profile.user", "query of Profile");
        QueryException unknown = assertThrows(QueryException.class, () -> books.update(java.util.Map.of("pages", 3)));
        assertMentions(unknown, "pages", "title", "author");
        assertTrue(!unknown.getMessage().contains("cannot change"), unknown.getMessage());
    }

    @Test
    void aWrongEntityForAKeyIsNamedWithItsArticle(Database db) {
        Category category = db.save(new Category("Fiction"));

        QueryException e = assertThrows(QueryException.class, () -> db.select(Book.class).filter("author", category));

        assertMentions(e, "needs an Author or its id");
    }
}
