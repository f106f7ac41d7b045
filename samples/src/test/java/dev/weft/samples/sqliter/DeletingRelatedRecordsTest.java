package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD "Usage Examples" 5: deleting an author, an author's old books, a profile, and a category. */
@ExtendWith(SampleDb.Extension.class)
class DeletingRelatedRecordsTest {

    @Test
    void deletingAnAuthorDeletesTheirBooks(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        Author deleted = DeletingRelatedRecords.deleteFirstAuthor(s.db());

        assertSame(stock.john(), deleted);
        assertEquals(List.of("Jane Smith"), s.column("SELECT name FROM author"));
        assertEquals(List.of("Advanced Python", "Python Basics"), s.column("SELECT title FROM books ORDER BY title"));
        assertTrue(s.db().find(Author.class, deleted.id).isEmpty());
        assertTrue(s.db().find(Book.class, stock.learningSql().id).isEmpty());
    }

    @Test
    void deletingAnAuthorsOldBooksKeepsTheNewOnesAndOtherAuthors(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        long deleted = DeletingRelatedRecords.deleteOldBooksOf(stock.jane());

        assertEquals(1, deleted);
        assertEquals(List.of("Advanced Python", "Learning SQL", "Python Programming"),
                s.column("SELECT title FROM books ORDER BY title"), "John's book from 2022 is not Jane's");
        assertEquals(List.of(stock.advancedPython()), stock.jane().books.fetchAll());
    }

    @Test
    void deletingAProfileKeepsItsUser(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        DeletingRelatedRecords.deleteProfileOf(s.db(), stock.user());

        assertEquals(0, s.count("profile"));
        assertEquals(List.of("johndoe"), s.column("SELECT username FROM user"));
        assertTrue(s.db().find(Profile.class, stock.profile().id).isEmpty());
    }

    @Test
    void aClearedCategoryIsDeletedAndItsBooksRemain(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);

        DeletingRelatedRecords.clearAndDelete(s.db(), stock.python());

        assertEquals(List.of("Programming"), s.column("SELECT name FROM category"));
        assertEquals(List.of(), s.column("SELECT book_id FROM category_books WHERE category_id = ?", stock.python().id));
        assertEquals(3, s.count("category_books"), "the Programming category keeps its links");
        assertEquals(4, s.count("books"), "books remain unaffected");
        assertTrue(stock.pythonBasics().categories.isEmpty());
    }
}
