package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD 3.1: {@code select_related} and {@code prefetch_related}, counted in queries. */
@ExtendWith(SampleDb.Extension.class)
class RelationshipLoadingTest {

    @Test
    void selectRelatedLoadsTheAuthorsWithTheBooksInOneQuery(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().clearCache();
        AtomicReference<List<Book>> books = new AtomicReference<>();
        Map<String, String> authors = new HashMap<>();

        List<String> fetch = s.statementsDuring(() -> books.set(RelationshipLoading.recentBooksWithAuthors(s.db())));
        List<String> read = s.statementsDuring(
                () -> books.get().forEach(book -> authors.put(book.title, book.author.name)));

        assertEquals(Map.of("Python Programming", "John Doe", "Advanced Python", "Jane Smith"), authors);
        assertEquals(2, books.get().size());
        assertEquals(1, fetch.size(), fetch.toString());
        assertTrue(fetch.get(0).startsWith("SELECT"), fetch.toString());
        assertEquals(List.of(), read, "the authors came with the books");
    }

    @Test
    void prefetchRelatedLoadsTheBooksOfAllAuthorsInOneMoreQuery(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().clearCache();
        AtomicReference<List<Author>> authors = new AtomicReference<>();
        Map<String, Set<String>> titles = new HashMap<>();

        List<String> fetch = s.statementsDuring(() -> authors.set(RelationshipLoading.authorsWithBooks(s.db())));
        List<String> read = s.statementsDuring(() -> {
            for (Author author : authors.get()) {
                assertEquals(2, author.books.size(), author.name);
                for (Book book : author.books) {
                    titles.computeIfAbsent(author.name, name -> new HashSet<>()).add(book.title);
                }
            }
        });

        assertEquals(Map.of("John Doe", Set.of("Python Programming", "Learning SQL"),
                "Jane Smith", Set.of("Advanced Python", "Python Basics")), titles);
        assertEquals(2, fetch.size(), "one query for the authors, one for their books: " + fetch);
        assertEquals(List.of(), read, "the books were prefetched");
    }
}
