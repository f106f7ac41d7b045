package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD "Usage Examples" 6: a custom junction table, and counting and ordering an author's books. */
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
