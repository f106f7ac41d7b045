package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PRD "Usage Examples" 3, the examples without selectRelated, prefetchRelated or filters across relations. */
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
    void theProgrammingCategoryHoldsItsThreeBooks(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);

        List<Book> books = QueryingRelatedRecords.programmingBooks(s.db());

        assertEquals(Set.of(stock.pythonProgramming(), stock.learningSql(), stock.advancedPython()), Set.copyOf(books));
        assertEquals(3, books.size());
    }
}
