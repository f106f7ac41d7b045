package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.Query;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static dev.weft.usage.QueryLookupTest.names;
import static dev.weft.usage.QueryLookupTest.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries that differ only in their values, run one after another on one database: a SELECT is written once per
 * shape of query and kept, so each pair here is of values that must each get their own SQL (a NULL, an IN list's
 * length, a pattern's letters) or must share it.
 */
@ExtendWith(WeftDatabaseExtension.class)
class QueryShapeTest {

    @Test
    void equalityWithNullAndWithAValue(Database db) {
        QueryLookupTest.fill(db);

        assertEquals(set("Banana"), names(db.select(Product.class).filter("stock", 0)));
        assertEquals(set("apricot"), names(db.select(Product.class).filter("stock", null)));
        assertEquals(set("ÄBC Bakery"), names(db.select(Product.class).filter("stock", 5)));
        assertEquals(set("Apple", "Banana", "ÄBC Bakery", "Cherry"),
                names(db.select(Product.class).exclude("stock", null)));
        assertEquals(set("Apple", "apricot", "ÄBC Bakery", "Cherry"),
                names(db.select(Product.class).exclude("stock", 0)));
    }

    @Test
    void caseInsensitivePatternsOfAsciiAndOtherLetters(Database db) {
        QueryLookupTest.fill(db);

        assertEquals(set("Banana", "ÄBC Bakery"), names(db.select(Product.class).filter("name__icontains", "ba")));
        assertEquals(set("ÄBC Bakery"), names(db.select(Product.class).filter("name__icontains", "äb")));
        assertEquals(set("ÄBC Bakery"), names(db.select(Product.class).filter("name__istartswith", "äbc")));
        assertEquals(set("Apple", "apricot"), names(db.select(Product.class).filter("name__istartswith", "A")));
    }

    @Test
    void inListsOfOtherLengthsAndWithNull(Database db) {
        QueryLookupTest.fill(db);

        assertEquals(set("Banana", "ÄBC Bakery"), names(db.select(Product.class).filter("stock__in", List.of(0, 5))));
        assertEquals(set("Apple", "Banana", "ÄBC Bakery"),
                names(db.select(Product.class).filter("stock__in", List.of(0, 5, 10))));
        assertEquals(set("apricot", "Banana"), names(db.select(Product.class).filter("stock__in", Arrays.asList(null, 0))));
        assertEquals(set(), names(db.select(Product.class).filter("stock__in", List.of())));
        assertEquals(set("Apple", "Cherry"), names(db.select(Product.class).filter("stock__in", longList(5_000, 10, 20))));
        assertEquals(set("Cherry"), names(db.select(Product.class).filter("stock__in", longList(5_000, 20))));
        assertEquals(set("Apple", "apricot", "Cherry"),
                names(db.select(Product.class).filter("stock__not_in", List.of(0, 5))));
        assertEquals(set("Apple", "Cherry"),
                names(db.select(Product.class).filter("stock__not_in", Arrays.asList(0, 5, null))));
    }

    @Test
    void nullTestsEachWay(Database db) {
        QueryLookupTest.fill(db);

        assertEquals(set("apricot"), names(db.select(Product.class).filter("stock__isnull", true)));
        assertEquals(set("Apple", "Banana", "ÄBC Bakery", "Cherry"),
                names(db.select(Product.class).filter("stock__isnull", false)));
        assertEquals(set("apricot"), names(db.select(Product.class).filter("stock__notnull", false)));
    }

    @Test
    void windowsWithAndWithoutAnOffset(Database db) {
        QueryLookupTest.fill(db);

        assertEquals(List.of("Banana", "Apple"), inOrder(db.select(Product.class).order("price").limit(2).fetchAll()));
        assertEquals(List.of("Apple", "apricot"),
                inOrder(db.select(Product.class).order("price").limit(2).offset(1).fetchAll()));
        assertEquals(List.of("apricot", "ÄBC Bakery", "Cherry"),
                inOrder(db.select(Product.class).order("price").offset(2).fetchAll()));
        assertEquals(5, db.select(Product.class).order("price").fetchAll().size());
    }

    @Test
    void countsAndExistenceKeepTheirOwnStatements(Database db) {
        QueryLookupTest.fill(db);

        assertEquals(1, db.select(Product.class).filter("stock", null).count());
        assertEquals(4, db.select(Product.class).exclude("stock", null).count());
        assertEquals(2, db.select(Product.class).filter("stock__in", List.of(0, 5)).count());
        assertEquals(3, db.select(Product.class).filter("stock__in", List.of(0, 5, 10)).count());
        assertEquals(2, db.select(Product.class).limit(2).count());
        assertEquals(2, db.select(Product.class).limit(3).offset(3).count());
        assertEquals(5, db.select(Product.class).count());
        assertEquals(List.of("Apple"), inOrder(db.select(Product.class).filter("stock", 10).fetchAll()));

        assertTrue(db.select(Product.class).filter("stock", null).exists());
        assertFalse(db.select(Product.class).filter("stock", 7).exists());
        assertTrue(db.select(Product.class).filter("stock", 0).exists());
        assertFalse(db.select(Product.class).order("price").offset(5).exists());
        assertTrue(db.select(Product.class).order("price").offset(4).exists());
        assertFalse(db.select(Product.class).limit(0).exists());
    }

    @Test
    void alternativesOfEachLength(Database db) {
        QueryLookupTest.fill(db);

        assertEquals(set("Apple", "Cherry"), names(db.select(Product.class)
                .filter(Filter.or(Filter.where("stock", 10), Filter.where("stock", 20)))));
        assertEquals(set("Apple", "Banana", "Cherry"), names(db.select(Product.class)
                .filter(Filter.or(Filter.where("stock", 10), Filter.where("stock", 20), Filter.where("stock", 0)))));
        assertEquals(set("Apple", "apricot"), names(db.select(Product.class)
                .filter(Filter.or(Filter.where("stock", 10), Filter.where("stock", null)))));
    }

    @Test
    void filtersAcrossRelationsAndOfRelationSets(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        Author leGuin = new Author("Le Guin");
        Author lem = new Author("Lem", "lem@example.org");
        Book dispossessed = new Book("The Dispossessed", leGuin, LocalDate.of(1974, 5, 1));
        Book solaris = new Book("Solaris", lem, LocalDate.of(1961, 6, 1));
        Book fiasco = new Book("Fiasco", lem, LocalDate.of(1986, 1, 1));
        db.saveAll(List.of(dispossessed, solaris, fiasco));
        Category sf = new Category("SF");
        Category novel = new Category("Novel");
        db.saveAll(List.of(sf, novel));
        sf.books.addAll(List.of(dispossessed, solaris));
        novel.books.add(fiasco);

        assertEquals(List.of("The Dispossessed"), titles(db.select(Book.class).filter("author__email", null)));
        assertEquals(List.of("Solaris", "Fiasco"), titles(db.select(Book.class).filter("author__email", "lem@example.org")));
        assertEquals(List.of("Solaris", "Fiasco"), titles(db.select(Book.class).selectRelated("author")
                .filter("author__email__in", List.of("lem@example.org"))));
        assertEquals(List.of("The Dispossessed", "Solaris", "Fiasco"), titles(db.select(Book.class).selectRelated("author")
                .filter("author__email__in", Arrays.asList("lem@example.org", null))));
        assertEquals(List.of("Lem"), authors(db.select(Author.class).filter("books__title", "Solaris")));
        assertEquals(List.of("Le Guin", "Lem"), authors(db.select(Author.class).filter("books__categories__name", "SF")));
        assertEquals(List.of("Lem"), authors(db.select(Author.class).filter("books__categories__name", "Novel")));
        assertEquals(List.of("Lem"), authors(db.select(Author.class).filter("books__categories", novel)));
        assertEquals(List.of("Le Guin", "Lem"), authors(db.select(Author.class).filter("books__categories", sf)));
        assertEquals(List.of("The Dispossessed", "Solaris"), titles(sf.books.order("id")));
        assertEquals(List.of("Fiasco"), titles(novel.books.order("id")));
        assertEquals(List.of("Solaris"), titles(sf.books.filter("title__startswith", "S").order("id")));
        assertEquals(List.of("The Dispossessed"), titles(sf.books.filter("title__endswith", "sed").order("id")));
        assertEquals(List.of("Solaris"), titles(db.select(Book.class)
                .filter("publishedDate__between", List.of(LocalDate.of(1960, 1, 1), LocalDate.of(1970, 1, 1)))));
        assertEquals(List.of("The Dispossessed", "Fiasco"), titles(db.select(Book.class)
                .filter("publishedDate__between", List.of(LocalDate.of(1970, 1, 1), LocalDate.of(1990, 1, 1)))));
    }

    @Test
    void queriesOfOneShapeSendOneStatementText(Database db, StatementLog log) {
        QueryLookupTest.fill(db);
        log.clear();

        db.select(Product.class).filter("name", "Apple").filter("price__gt", 1.0).fetchAll();
        db.select(Product.class).filter("name", "Cherry").filter("price__gt", 4.0).fetchAll();
        db.select(Product.class).filter("price__gt", 4.0).filter("name", "Cherry").fetchAll();

        List<String> sent = log.all();
        assertEquals(sent.get(0), sent.get(1));
        assertNotEquals(sent.get(1), sent.get(2)); // the conditions in another order
    }

    @Test
    void keptStatementsHoldNoValueOfTheQueryThatWroteThem(Database db) throws InterruptedException {
        QueryLookupTest.fill(db);
        String first = new String("Apple".toCharArray());
        WeakReference<String> firstValue = new WeakReference<>(first);

        assertEquals(set("Apple"), names(db.select(Product.class).filter("name", first).filter("name__icontains", "pp")));
        first = null;
        assertEquals(set("Cherry"), names(db.select(Product.class).filter("name", "Cherry").filter("name__icontains", "er")));

        for (int i = 0; i < 50 && firstValue.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(firstValue.get(), "the value of the first query is still reachable");
    }

    private static List<Long> longList(int size, long... wanted) {
        List<Long> values = new ArrayList<>(LongStream.range(1_000, 1_000 + size).boxed().toList());
        for (long value : wanted) {
            values.add(value);
        }
        return values;
    }

    private static List<String> titles(Query<Book> query) {
        return query.order("id").fetchAll().stream().map(book -> book.title).toList();
    }

    private static List<String> authors(Query<Author> query) {
        return query.order("id").fetchAll().stream().map(author -> author.name).toList();
    }

    private static List<String> inOrder(List<Product> products) {
        return products.stream().map(product -> product.name).toList();
    }
}
