package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;

/**
 * PRD "Usage Examples", section 4, "Updating Related Records": an author and all their books, a user's
 * profile through the one-to-one, and the books of a category. {@code Author.objects.fetch_first()} and
 * {@code author.save()} are the active-record style of Weft's {@code Model} and {@code Finder} (API section 8);
 * here they are {@code db.select(Author.class).fetchFirst()} and {@code db.save(author)}.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.UpdatingRelatedRecords}
 */
public final class UpdatingRelatedRecords {

    /** The date the example gives all of the first author's books. */
    public static final LocalDate NEW_DATE = LocalDate.of(2024, 3, 1);

    private UpdatingRelatedRecords() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Bookshop.Stock stock = Bookshop.stock(db);
            Bookshop.categorize(stock);
            Author author = updateAuthorEmail(db);
            updateBooksOf(db, author);
            System.out.println(author + ": " + author.books.fetchAll().stream()
                    .map(book -> book.title + " " + book.publishedDate).toList());
            User user = updateProfileBio(db);
            System.out.println(user + ": " + user.profile.bio);
            Category category = removeBook(db, stock.learningSql());
            System.out.println(category + " without " + stock.learningSql() + ": " + category.books.fetchAll());
            Book newBook = addNewBook(db, stock.john());
            System.out.println(category + " with " + newBook + ": " + category.books.fetchAll());
            clearBooks(db);
            System.out.println(category + " cleared: " + category.books.fetchAll());
        }
    }

    /** {@code author = Author.objects.fetch_first(); author.email = "newemail@example.com"; author.save()}. */
    public static Author updateAuthorEmail(Database db) {
        Author author = db.select(Author.class).fetchFirst().orElseThrow();
        author.email = "newemail@example.com";
        db.save(author);
        return author;
    }

    /** Gives every book of {@code author} the publication date {@link #NEW_DATE}, saving each. */
    public static void updateBooksOf(Database db, Author author) {
        for (Book book : author.books.fetchAll()) {
            book.publishedDate = NEW_DATE;
            db.save(book);
        }
    }

    /** {@code user = User.objects.fetch_first(); user.profile.bio = "Updated bio"; user.profile.save()}. */
    public static User updateProfileBio(Database db) {
        User user = db.select(User.class).fetchFirst().orElseThrow();
        user.profile.bio = "Updated bio";
        db.save(user.profile);
        return user;
    }

    /** {@code category = Category.objects.fetch_first(); category.books.remove(book)}: removes one book. */
    public static Category removeBook(Database db, Book book) {
        Category category = db.select(Category.class).fetchFirst().orElseThrow();
        category.books.remove(book);
        return category;
    }

    /**
     * {@code category.books.add(new_book)}: a new book by {@code author}, not saved yet; adding it to the
     * saved category saves it.
     */
    public static Book addNewBook(Database db, Author author) {
        Category category = db.select(Category.class).fetchFirst().orElseThrow();
        Book newBook = new Book("Python for Data Science", author, LocalDate.of(2024, 4, 1));
        category.books.add(newBook);
        return newBook;
    }

    /** {@code category.books.clear()}: removes all books from the first category; the books stay. */
    public static Category clearBooks(Database db) {
        Category category = db.select(Category.class).fetchFirst().orElseThrow();
        category.books.clear();
        return category;
    }
}
