package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD 3.2: {@code book.author} and {@code author.books}, loaded lazily. */
@ExtendWith(SampleDb.Extension.class)
class RelationshipAccessTest {

    private static final Map<String, String> AUTHORS = Map.of(
            "Advanced Python", "Jane Smith", "Learning SQL", "John Doe",
            "Python Basics", "Jane Smith", "Python Programming", "John Doe");

    @Test
    void bookAuthorReturnsTheAuthorInstance(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        s.db().clearCache();

        assertEquals(AUTHORS, RelationshipAccess.authorsByTitle(s.db()));
        Book book = s.db().get(Book.class, stock.learningSql().id);
        assertSame(s.db().get(Author.class, stock.john().id), book.author, "one row, one instance");
    }

    @Test
    void theAuthorsOfAResultSetLoadInOneMoreQuery(SampleDb s) {
        Bookshop.stock(s.db());
        s.db().clearCache();

        List<String> sql = s.statementsDuring(() -> RelationshipAccess.authorsByTitle(s.db()));

        // one query for the four books, one batched query for both of their authors
        assertEquals(2, sql.size(), sql.toString());
        assertTrue(sql.stream().allMatch(statement -> statement.startsWith("SELECT")), sql.toString());
    }

    @Test
    void authorBooksReturnsTheRelatedBooks(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        assertEquals(List.of("Learning SQL", "Python Programming"), RelationshipAccess.booksOf(stock.john()));
        assertEquals(List.of("Advanced Python", "Python Basics"), RelationshipAccess.booksOf(stock.jane()));
    }
}
