package dev.weft.usage;

import dev.weft.Database;
import dev.weft.DetachedException;
import dev.weft.QueryException;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Profile;
import dev.weft.test.model.User;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An object belongs to the one open database that loaded or saved it. Handing it to another open database is
 * refused before anything is written, so that neither database ends up with an object it does not track; once its
 * database is closed, another may take it as new, which copies its row.
 */
@ExtendWith(WeftDatabaseExtension.class)
class TwoDatabasesTest {

    private static void schema(Database... databases) {
        for (Database db : databases) {
            db.createTables(Author.class, Book.class, Category.class, User.class, Profile.class);
        }
    }

    @Test
    void savingAnotherOpenDatabasesObjectIsRefusedAndItStaysWithItsOwn(@OnFile Database first,
                                                                      @OnFile Database second, Databases databases) {
        schema(first, second);
        Book book = first.save(new Book("Dune", new Author("Frank")));

        WeftException e = assertThrows(WeftException.class, () -> second.save(book));

        assertTrue(e.getMessage().startsWith("cannot save: Book#" + book.id + " belongs to the database at "
                + databases.pathOf(first).toAbsolutePath() + " (still open), not to this one"), e.getMessage());
        assertTrue(e.getMessage().contains("save a new Book with its values, or close the other Database first"),
                e.getMessage());
        assertEquals(0, second.select(Book.class).count());
        assertEquals(0, second.select(Author.class).count());
        book.title = "Dune Messiah";
        first.save(book); // still the first database's: an update, not a second row
        assertEquals(1, first.select(Book.class).count());
        assertEquals("Dune Messiah", first.select(Book.class).get().title);
    }

    @Test
    void clearingTheIdDoesNotHandTheObjectOver(Database first, Database second) {
        schema(first, second);
        Author frank = first.save(new Author("Frank"));
        long id = frank.id;
        frank.id = 0;

        assertThrows(WeftException.class, () -> second.save(frank));

        assertEquals(0, second.select(Author.class).count());
        assertSame(frank, first.get(Author.class, id)); // the first database still has it as its row's object
    }

    @Test
    void anObjectASaveReachesIsCheckedToo(Database first, Database second) {
        schema(first, second);
        Author frank = first.save(new Author("Frank"));
        Book book = new Book("Dune", frank);

        WeftException e = assertThrows(WeftException.class, () -> second.save(book));

        assertTrue(e.getMessage().startsWith("cannot save: Author#" + frank.id
                + " belongs to another in-memory database (still open)"), e.getMessage());
        assertEquals(0, book.id);
        assertEquals(0, second.select(Book.class).count());
    }

    @Test
    void deletingAnotherOpenDatabasesObjectIsRefused(Database first, Database second) {
        schema(first, second);
        Author frank = first.save(new Author("Frank"));
        second.save(new Author("Ursula")); // the same id there: a delete would remove her

        WeftException e = assertThrows(WeftException.class, () -> second.delete(frank));

        assertTrue(e.getMessage().startsWith("cannot delete: Author#" + frank.id), e.getMessage());
        assertEquals(1, second.select(Author.class).count());
        assertSame(frank, first.get(Author.class, frank.id));
    }

    @Test
    void relationsRefuseAnotherOpenDatabasesObjectAndChangeNothing(Database first, Database second) {
        schema(first, second);
        Author frank = first.save(new Author("Frank"));
        Book dune = first.save(new Book("Dune", frank));
        Book other = second.save(new Book("Other", second.save(new Author("Ursula"))));
        Category category = second.save(new Category("SF"));
        User user = second.save(new User("ursula"));
        Profile profile = first.save(new Profile(first.save(new User("frank")), "writes"));
        assertEquals(1, frank.books.size());

        WeftException add = assertThrows(WeftException.class, () -> category.books.add(dune));
        WeftException key = assertThrows(WeftException.class, () -> other.author = frank);
        WeftException inverse = assertThrows(WeftException.class, () -> user.profile = profile);

        assertTrue(add.getMessage().startsWith("cannot add to Category#" + category.id + ".books: Book#" + dune.id
                + " belongs to another in-memory database"), add.getMessage());
        assertTrue(key.getMessage().startsWith("cannot set Book#" + other.id + ".author: Author#" + frank.id),
                key.getMessage());
        assertTrue(inverse.getMessage().startsWith("cannot set User#" + user.id + ".profile: Profile#" + profile.id),
                inverse.getMessage());
        assertEquals(0, category.books.count());
        assertEquals("Ursula", other.author.name);
        assertEquals(1, frank.books.size()); // the other side, in the first database, did not take the book in
        assertNull(user.profile);
        assertFalse(category.books.remove(dune)); // not held: removing it does nothing
    }

    @Test
    void aBulkUpdateAndRelatedRefuseAnotherOpenDatabasesObjectInTheirOwnWords(Database first, Database second) {
        schema(first, second);
        Author frank = first.save(new Author("Frank"));
        second.save(new Book("Other", second.save(new Author("Ursula"))));

        WeftException update = assertThrows(WeftException.class,
                () -> second.select(Book.class).update(Map.of("author", frank)));
        WeftException related = assertThrows(WeftException.class, () -> second.related(frank, "books"));

        assertTrue(update.getMessage().startsWith("cannot update Book rows to Book.author = Author#" + frank.id
                + ": Author#" + frank.id + " belongs to another in-memory database (still open)"), update.getMessage());
        assertTrue(related.getMessage().startsWith("cannot use related(Author, \"books\"): Author#" + frank.id
                + " belongs to another in-memory database (still open)"), related.getMessage());
        assertEquals("Ursula", second.select(Book.class).get().author.name);
    }

    @Test
    void aQueryRefusesToCompareWithAnotherOpenDatabasesObject(Database first, Database second) {
        schema(first, second);
        Author frank = first.save(new Author("Frank"));
        second.save(new Book("Other", second.save(new Author("Ursula"))));

        QueryException e = assertThrows(QueryException.class,
                () -> second.select(Book.class).filter("author", frank).fetchAll());

        assertTrue(e.getMessage().startsWith("\"author\" compares with Author#" + frank.id
                + ", which belongs to another in-memory database (still open)"), e.getMessage());
    }

    @Test
    void aClosedDatabasesObjectIsCopiedAsNew(@OnFile Database first, Database second, Databases databases) {
        schema(first, second);
        Book book = first.save(new Book("Dune", new Author("Frank")));
        long firstId = book.id;
        databases.close(first);

        second.save(book);

        assertEquals(1, second.select(Author.class).count());
        assertEquals("Frank", second.select(Book.class).get().author.name);
        assertSame(book, second.get(Book.class, firstId)); // the copy kept its id, and it is the second's now
        book.title = "Dune Messiah";
        second.save(book);
        assertEquals("Dune Messiah", second.select(Book.class).get().title);
        assertEquals(1, second.select(Book.class).count());
    }

    @Test
    void aClosedDatabasesReferenceWhoseRowWasNeverReadIsNotCopiedAsNulls(@OnFile Database first, Database second,
                                                                         Databases databases) {
        schema(first, second);
        first.save(new Book("Dune", new Author("Frank")));
        first.clearCache();
        Book book = first.select(Book.class).get(); // its author's row is never read
        databases.close(first);

        DetachedException e = assertThrows(DetachedException.class, () -> second.save(book));

        assertEquals("cannot save: Author#1 is a reference whose row was never read before its Database was closed: "
                + "its fields are unknown (a copy would hold nulls), and it is no object of this Database; read a "
                + "field of it before closing its Database, or use an object of this one.", e.getMessage());
        Author author = book.author;
        assertThrows(DetachedException.class, () -> second.delete(author));
        assertThrows(DetachedException.class, () -> second.related(author, "books"));
        assertEquals(0, second.select(Author.class).count());
        assertEquals(0, second.select(Book.class).count());
    }
}
