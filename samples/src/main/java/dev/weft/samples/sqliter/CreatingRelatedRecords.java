package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;

/**
 * PRD "Usage Examples", section 2, "Creating Related Records": a book with an existing author, a book whose
 * new author is saved with it, a user and their profile, and a category holding both books.
 *
 * <p>The PRD calls {@code author.save()}; that active-record style is Weft's {@code Model} (API section 8),
 * here written with {@code db.save(author)}.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.CreatingRelatedRecords}
 */
public final class CreatingRelatedRecords {

    /** The books and their authors. */
    public record Books(Author author, Book book, Book book2) {
    }

    /** The user and their profile. */
    public record Account(User user, Profile profile) {
    }

    private CreatingRelatedRecords() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            BasicModelSetup.createTables(db);
            Books books = createBooks(db);
            Account account = createUserAndProfile(db);
            Category category = createCategory(db, books.book(), books.book2());
            System.out.println(books.book() + " by " + books.book().author.name + "; " + books.book2() + " by "
                    + books.book2().author.name + " (saved with the book as author #" + books.book2().author.id + ")");
            System.out.println(account.user() + ": " + account.profile().bio);
            System.out.println(category + ": " + category.books.fetchAll());
            System.out.println(books.book() + " is in " + books.book().categories.fetchAll());
        }
    }

    /** An author saved on its own, a book that refers to it, and a book whose new author is saved with it. */
    public static Books createBooks(Database db) {
        // author = Author(name="John Doe", email="john@example.com"); author.save()
        Author author = new Author("John Doe", "john@example.com");
        db.save(author);

        // Create book with existing author: the author instance is assigned directly.
        Book book = new Book("Python Programming", author, LocalDate.of(2024, 1, 1));
        db.save(book);

        // Create book with new author: saving the book inserts the unsaved author first.
        Book book2 = new Book("Advanced Python", new Author("Jane Smith", "jane@example.com"), LocalDate.of(2024, 2, 1));
        db.save(book2);
        return new Books(author, book, book2);
    }

    /** The one-to-one: a user, then the profile that refers to it. */
    public static Account createUserAndProfile(Database db) {
        User user = new User("johndoe", "john@example.com");
        db.save(user);

        Profile profile = new Profile(user, "Python developer and author", "https://example.com/avatar.jpg");
        db.save(profile);
        return new Account(user, profile);
    }

    /**
     * The many-to-many: a category, the two books added to it, then the same link added from the book's side,
     * where it already exists and so changes nothing.
     */
    public static Category createCategory(Database db, Book book, Book book2) {
        Category category = new Category("Programming", "Programming books");
        db.save(category);

        // Add books to category: the junction rows are written at once, without a save.
        category.books.add(book, book2);
        // Or alternatively: the reverse relationship is automatically available.
        book.categories.add(category);
        return category;
    }
}
