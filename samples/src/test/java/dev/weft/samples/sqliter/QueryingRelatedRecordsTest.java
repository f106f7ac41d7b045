package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD "Usage Examples" 3: querying related records, with the number of queries where that is the point. */
@ExtendWith(SampleDb.Extension.class)
class QueryingRelatedRecordsTest {

    @Test
    void filteringByAnAuthorFindsTheirBooks(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        List<Book> books = QueryingRelatedRecords.booksBy(s.db(), stock.john());

        assertEquals(Set.of(stock.pythonProgramming(), stock.learningSql()), Set.copyOf(books));
        assertEquals(2, books.size());
    }

    @Test
    void theReverseRelationshipFindsTheSameBooks(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        List<Book> books = QueryingRelatedRecords.authorBooks(stock.john());

        assertEquals(Set.of(stock.pythonProgramming(), stock.learningSql()), Set.copyOf(books));
        assertEquals(2, books.size());
    }

    @Test
    void selectRelatedReadsTheBookAndItsAuthorInOneQuery(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().clearCache();
        AtomicReference<Book> book = new AtomicReference<>();
        AtomicReference<String> name = new AtomicReference<>();

        List<String> fetch = s.statementsDuring(() -> book.set(QueryingRelatedRecords.firstBookWithAuthor(s.db())));
        List<String> read = s.statementsDuring(() -> name.set(book.get().author.name));

        assertEquals("Python Programming", book.get().title);
        assertEquals("John Doe", name.get());
        assertEquals(1, fetch.size(), fetch.toString());
        assertTrue(fetch.get(0).startsWith("SELECT"), fetch.toString());
        assertEquals(List.of(), read, "no additional query needed");
    }

    @Test
    void prefetchRelatedLoadsEveryAuthorsBooksWithOneMoreQuery(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().clearCache();
        AtomicReference<List<String>> lines = new AtomicReference<>();

        List<String> sql = s.statementsDuring(() -> lines.set(QueryingRelatedRecords.authorsAndTheirBooks(s.db())));

        assertEquals(Set.of("John Doe: Python Programming", "John Doe: Learning SQL",
                "Jane Smith: Advanced Python", "Jane Smith: Python Basics"), Set.copyOf(lines.get()));
        assertEquals(4, lines.get().size(), lines.get().toString());
        assertEquals(2, sql.size(), "one query for the authors, one for all of their books: " + sql);
    }

    @Test
    void filteringOnTheAuthorsNameFindsTheirBooks(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        List<Book> books = QueryingRelatedRecords.booksByJohnDoe(s.db());

        assertEquals(Set.of(stock.pythonProgramming(), stock.learningSql()), Set.copyOf(books));
        assertEquals(2, books.size());
    }

    @Test
    void recentBooksAreFilteredOnTheAuthorsEmailLatestFirstWithTheirAuthors(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().save(new Book("Rust in Action", new Author("Sam Roe", "sam@elsewhere.org"), LocalDate.of(2024, 3, 1)));
        s.db().clearCache();
        AtomicReference<List<Book>> books = new AtomicReference<>();
        AtomicReference<List<String>> authors = new AtomicReference<>();

        List<String> fetch = s.statementsDuring(() -> books.set(QueryingRelatedRecords.recentBooks(s.db())));
        List<String> read = s.statementsDuring(
                () -> authors.set(books.get().stream().map(book -> book.author.name).toList()));

        assertEquals(List.of("Advanced Python", "Python Programming"), books.get().stream().map(b -> b.title).toList());
        assertEquals(List.of("Jane Smith", "John Doe"), authors.get());
        assertEquals(1, fetch.size(), fetch.toString());
        assertEquals(List.of(), read, "the authors came with the books");
    }

    @Test
    void selectRelatedReadsTheUserAndTheInverseSideOfItsOneToOne(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().clearCache();
        AtomicReference<User> user = new AtomicReference<>();
        AtomicReference<String> bio = new AtomicReference<>();

        List<String> fetch = s.statementsDuring(() -> user.set(QueryingRelatedRecords.firstUserWithProfile(s.db())));
        List<String> read = s.statementsDuring(() -> bio.set(user.get().profile.bio));

        assertEquals("johndoe", user.get().username);
        assertEquals("Python developer and author", bio.get());
        assertEquals(1, fetch.size(), fetch.toString());
        assertEquals(List.of(), read, "the profile came with the user");
    }

    @Test
    void selectRelatedReadsTheProfileAndItsUser(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().clearCache();
        AtomicReference<Profile> profile = new AtomicReference<>();
        AtomicReference<String> username = new AtomicReference<>();

        List<String> fetch = s.statementsDuring(() -> profile.set(QueryingRelatedRecords.firstProfileWithUser(s.db())));
        List<String> read = s.statementsDuring(() -> username.set(profile.get().user.username));

        assertEquals("Python developer and author", profile.get().bio);
        assertEquals("johndoe", username.get());
        assertEquals(1, fetch.size(), fetch.toString());
        assertEquals(List.of(), read, "the user came with the profile");
    }

    @Test
    void theProgrammingCategoryHoldsItsThreeBooks(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);

        List<Book> books = QueryingRelatedRecords.programmingBooks(s.db());

        assertEquals(Set.of(stock.pythonProgramming(), stock.learningSql(), stock.advancedPython()), Set.copyOf(books));
        assertEquals(3, books.size());
    }

    @Test
    void booksInEitherCategoryComeOnceEvenWhenInBoth(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);
        s.db().save(new Book("Uncategorized", stock.john(), LocalDate.of(2020, 1, 1)));

        List<Book> books = QueryingRelatedRecords.booksInCategories(s.db());

        assertEquals(Set.of(stock.pythonProgramming(), stock.learningSql(), stock.advancedPython(), stock.pythonBasics()),
                Set.copyOf(books));
        assertEquals(4, books.size(), "each book once: " + books);
    }
}
