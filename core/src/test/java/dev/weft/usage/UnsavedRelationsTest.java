package dev.weft.usage;

import dev.weft.Database;
import dev.weft.internal.relation.UnsavedRelationSet;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collection relations of new objects, on model classes enhanced by the build: a field without an initialiser
 * reads as an empty collection that keeps what is added to it, so that {@code new Category().books.add(book)}
 * works before the owner is saved.
 */
@ExtendWith(WeftDatabaseExtension.class)
class UnsavedRelationsTest {

    @Test
    void aNewOwnersCollectionRelationsCanBeAddedTo() {
        Book book = new Book("The Dispossessed", null);
        Category category = new Category("Science fiction");
        category.books.add(book);
        assertEquals(UnsavedRelationSet.class, category.books.getClass(), "declared RelationSet");
        assertEquals(List.of(book), List.copyOf(category.books));

        Author author = new Author("Ursula");
        author.books.add(book);
        author.books.add(new Book("Earthsea", null));
        assertEquals(ArrayList.class, author.books.getClass(), "declared List");
        assertSame(book, author.books.get(0));
        assertEquals(2, author.books.size());

        assertTrue(book.categories.isEmpty());
        assertSame(book.categories, book.categories, "the collection is kept in the field");
    }

    @Test
    void otherFieldsOfANewObjectStayAsTheyAre() {
        Book book = new Book();
        assertNull(book.title);
        assertNull(book.author, "a foreign key is not a collection");
        assertNull(book.publishedDate);
        assertEquals(0L, book.id);
    }

    @Test
    void aNewOwnerWhoseRelationWasReadIsSavedAsBefore(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        Author author = new Author("Ursula");
        assertTrue(author.books.isEmpty());
        Category category = new Category("Fantasy");
        assertTrue(category.books.isEmpty());

        db.save(author);
        db.save(category);

        assertTrue(author.id > 0 && category.id > 0);
        db.clearCache();
        assertEquals("Ursula", db.get(Author.class, author.id).name);
        assertEquals("Fantasy", db.get(Category.class, category.id).name);
    }
}
