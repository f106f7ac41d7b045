package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import dev.weft.samples.sqliter.CreatingRelatedRecords.Account;
import dev.weft.samples.sqliter.CreatingRelatedRecords.Books;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** PRD "Usage Examples" 2: creating records with relationships. */
@ExtendWith(SampleDb.Extension.class)
class CreatingRelatedRecordsTest {

    @Test
    void booksAreSavedWithAnExistingAuthorAndWithANewOne(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        Books books = CreatingRelatedRecords.createBooks(s.db());

        Author jane = books.book2().author;
        assertSame(books.author(), books.book().author);
        assertNotEquals(0, jane.id, "the new author was saved with the book");
        assertEquals(List.of(List.of(books.author().id, "John Doe", "john@example.com"),
                        List.of(jane.id, "Jane Smith", "jane@example.com")),
                s.rows("SELECT id, name, email FROM author ORDER BY id"));
        assertEquals(List.of(List.of("Python Programming", books.author().id, "2024-01-01"),
                        List.of("Advanced Python", jane.id, "2024-02-01")),
                s.rows("SELECT title, author_id, published_date FROM books ORDER BY id"));
    }

    @Test
    void theProfileIsSavedForItsUser(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        Account account = CreatingRelatedRecords.createUserAndProfile(s.db());

        assertSame(account.user(), account.profile().user);
        assertEquals(List.of(List.of(account.user().id, "Python developer and author", "https://example.com/avatar.jpg")),
                s.rows("SELECT user_id, bio, avatar_url FROM profile"));
    }

    @Test
    void theUserSeesTheProfileThatNamesIt(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        Account account = CreatingRelatedRecords.createUserAndProfile(s.db());

        assertSame(account.profile(), account.user().profile, "user.profile is the inverse of profile.user");
    }

    @Test
    void bothBooksAreInTheCategorySeenFromEitherSide(SampleDb s) {
        BasicModelSetup.createTables(s.db());
        Books books = CreatingRelatedRecords.createBooks(s.db());

        Category category = CreatingRelatedRecords.createCategory(s.db(), books.book(), books.book2());

        // category.books.add(book, book2) wrote two junction rows; book.categories.add(category) found its link there.
        assertEquals(Set.of(List.of(category.id, books.book().id), List.of(category.id, books.book2().id)),
                Set.copyOf(s.rows("SELECT category_id, book_id FROM category_books")));
        assertEquals(2, s.count("category_books"));
        assertEquals(Set.of(books.book(), books.book2()), Set.copyOf(category.books));
        assertEquals(2, category.books.size(), "the link added again from the book's side is there once");
        assertEquals(List.of(category), List.copyOf(books.book().categories));
        assertEquals(List.of(category), List.copyOf(books.book2().categories));
    }
}
