package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD "Usage Examples" 4: updating an author and their books, a profile, and a category's books. */
@ExtendWith(SampleDb.Extension.class)
class UpdatingRelatedRecordsTest {

    @Test
    void theFirstAuthorsEmailIsUpdatedAlone(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        List<String> sql = s.statementsDuring(() -> assertSame(stock.john(), UpdatingRelatedRecords.updateAuthorEmail(s.db())));

        assertEquals(List.of(List.of("John Doe", "newemail@example.com"), List.of("Jane Smith", "jane@example.com")),
                s.rows("SELECT name, email FROM author ORDER BY id"));
        List<String> updates = sql.stream().filter(statement -> statement.startsWith("UPDATE")).toList();
        assertEquals(1, updates.size(), sql.toString());
        assertTrue(updates.get(0).contains("\"email\"") && !updates.get(0).contains("\"name\""),
                "only the changed column is written: " + updates.get(0));
    }

    @Test
    void everyBookOfTheAuthorGetsTheNewDate(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        UpdatingRelatedRecords.updateBooksOf(s.db(), stock.john());

        assertEquals(List.of(List.of("Python Programming", "2024-03-01"), List.of("Learning SQL", "2024-03-01"),
                        List.of("Advanced Python", "2024-02-01"), List.of("Python Basics", "2021-09-01")),
                s.rows("SELECT title, published_date FROM books ORDER BY id"));
        assertEquals(UpdatingRelatedRecords.NEW_DATE, stock.learningSql().publishedDate);
    }

    @Test
    void theProfileIsUpdatedThroughItsUser(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());

        User user = UpdatingRelatedRecords.updateProfileBio(s.db());

        assertSame(stock.user(), user);
        assertSame(stock.profile(), user.profile);
        assertEquals(List.of(List.of(user.id, "Updated bio")), s.rows("SELECT user_id, bio FROM profile"));
    }

    @Test
    void removingABookFromACategoryDeletesOnlyItsLink(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);

        Category category = UpdatingRelatedRecords.removeBook(s.db(), stock.learningSql());

        assertSame(stock.programming(), category);
        assertEquals(Set.of(stock.pythonProgramming().id, stock.advancedPython().id),
                Set.copyOf(s.column("SELECT book_id FROM category_books WHERE category_id = ?", category.id)));
        assertEquals(Set.of(stock.pythonProgramming(), stock.advancedPython()), Set.copyOf(category.books));
        assertFalse(stock.learningSql().categories.contains(category), "both sides forget the link");
        assertEquals(4, s.count("books"), "the book itself stays");
    }

    @Test
    void addingANewBookToACategorySavesIt(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);

        Book newBook = UpdatingRelatedRecords.addNewBook(s.db(), stock.john());

        assertNotEquals(0, newBook.id, "adding an unsaved object to a saved owner's relation saves it");
        assertEquals(List.of(List.of("Python for Data Science", stock.john().id)),
                s.rows("SELECT title, author_id FROM books WHERE id = ?", newBook.id));
        assertEquals(Set.of(stock.pythonProgramming().id, stock.learningSql().id, stock.advancedPython().id, newBook.id),
                Set.copyOf(s.column("SELECT book_id FROM category_books WHERE category_id = ?", stock.programming().id)));
        assertTrue(stock.programming().books.contains(newBook));
        assertTrue(newBook.categories.contains(stock.programming()));
    }

    @Test
    void clearingACategoryKeepsItsBooksAndOtherCategories(SampleDb s) {
        Bookshop.Stock stock = Bookshop.stock(s.db());
        Bookshop.categorize(stock);

        Category category = UpdatingRelatedRecords.clearBooks(s.db());

        assertSame(stock.programming(), category);
        assertEquals(List.of(), s.column("SELECT book_id FROM category_books WHERE category_id = ?", category.id));
        assertEquals(3, s.count("category_books"), "the Python category keeps its three books");
        assertTrue(category.books.isEmpty());
        assertFalse(stock.pythonProgramming().categories.contains(category));
        assertEquals(4, s.count("books"));
    }
}
