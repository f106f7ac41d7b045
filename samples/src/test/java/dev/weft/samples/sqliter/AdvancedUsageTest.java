package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRD "Usage Examples" 6: a custom junction table, a nested prefetch, complex filtering on related fields, and
 * counting and ordering an author's books.
 */
@ExtendWith(SampleDb.Extension.class)
class AdvancedUsageTest {

    @Test
    void tagsAreWrittenToTheCustomJunctionTable(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        Tag tag = AdvancedUsage.tagBooks(s.db(), stock);

        assertEquals(Set.of(stock.pythonProgramming().id, stock.advancedPython().id, stock.pythonBasics().id),
                Set.copyOf(s.column("SELECT book_id FROM book_tags WHERE tag_id = ?", tag.id)));
        assertEquals(3, s.count("book_tags"));
        assertEquals(3, tag.books.size());
        assertEquals(List.of(tag), List.copyOf(stock.pythonBasics().tags));
    }

    @Test
    void theNestedPrefetchLoadsAuthorsBooksAndCategoriesInThreeQueries(SampleDb s) {
        Bookshop.categorize(Bookshop.stock(s.db()));
        s.db().clearCache();
        AtomicReference<List<Author>> authors = new AtomicReference<>();
        Map<String, Set<String>> categories = new HashMap<>();

        List<String> fetch = s.statementsDuring(() -> authors.set(AdvancedUsage.authorsWithBooksAndCategories(s.db())));
        List<String> read = s.statementsDuring(() -> {
            for (Author author : authors.get()) {
                for (Book book : author.books) {
                    Set<String> names = new HashSet<>();
                    book.categories.forEach(category -> names.add(category.name));
                    categories.put(author.name + ": " + book.title, names);
                }
            }
        });

        assertEquals(Map.of("John Doe: Python Programming", Set.of("Programming", "Python"),
                "John Doe: Learning SQL", Set.of("Programming"),
                "Jane Smith: Advanced Python", Set.of("Programming", "Python"),
                "Jane Smith: Python Basics", Set.of("Python")), categories);
        assertEquals(3, fetch.size(), "one query per level: authors, books, categories: " + fetch);
        assertEquals(List.of(), read, "books and categories were prefetched");
    }

    @Test
    void complexFilteringAcrossRelationsOrdersByAuthorNameThenTitle(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);
        Book automate = s.db().save(new Book("Automate the Boring Stuff",
                new Author("Johnny Appleseed", "johnny@example.com"), LocalDate.of(2023, 5, 1)));
        stock.python().books.add(automate);
        s.db().save(new Book("Cooking for Coders", stock.john(), LocalDate.of(2024, 5, 1)));   // in no category
        s.db().clearCache();
        AtomicReference<List<Book>> books = new AtomicReference<>();
        AtomicReference<List<String>> authors = new AtomicReference<>();

        List<String> fetch = s.statementsDuring(() -> books.set(AdvancedUsage.pythonBooksByJohns(s.db())));
        List<String> read = s.statementsDuring(
                () -> authors.set(books.get().stream().map(book -> book.author.name).toList()));

        // "Python Programming" is in both categories and comes once; "Learning SQL" is too old
        assertEquals(List.of("Python Programming", "Automate the Boring Stuff"),
                books.get().stream().map(book -> book.title).toList());
        assertEquals(List.of("John Doe", "Johnny Appleseed"), authors.get());
        assertEquals(1, fetch.size(), fetch.toString());
        assertEquals(List.of(), read, "the authors came with the books");
    }

    @Test
    void totalBooksIsCountedByTheDatabaseInOneQuery(SampleDb s) {
        long johnId = Bookshop.stock(s.db()).john().id;
        s.db().clearCache();
        Author john = s.db().get(Author.class, johnId);
        AtomicLong total = new AtomicLong();

        List<String> sql = s.statementsDuring(() -> total.set(AdvancedUsage.totalBooks(john)));

        assertEquals(2, total.get());
        assertEquals(1, sql.size(), "one query, no book loaded: " + sql);
        assertTrue(sql.get(0).startsWith("SELECT"), sql.toString());
    }

    @Test
    void theLatestBookIsTheFirstInDescendingDateOrder(SampleDb s) {
        long johnId = Bookshop.stock(s.db()).john().id;
        s.db().clearCache();
        Author john = s.db().get(Author.class, johnId);
        AtomicReference<Optional<Book>> latest = new AtomicReference<>();

        List<String> sql = s.statementsDuring(() -> latest.set(AdvancedUsage.latestBook(john)));

        assertEquals("Python Programming", latest.get().orElseThrow().title);
        assertEquals(1, sql.size(), "one query: " + sql);
    }
}
