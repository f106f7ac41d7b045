package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;

/**
 * PRD "Usage Examples", section 5, "Deleting Related Records": an author with their books (ON DELETE CASCADE),
 * an author's old books through the reverse relationship, a user's profile (one-to-one), and a category after
 * clearing its books (which stay). {@code author.delete()} is the active-record style of Weft's {@code Model}
 * (API section 8); here it is {@code db.delete(author)}.
 *
 * <p>The PRD deletes the old books of the author it has just deleted; here they are the books of the other
 * author, who still has some.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.DeletingRelatedRecords}
 */
public final class DeletingRelatedRecords {

    /** Books published before this date are "old". */
    public static final LocalDate CUTOFF = LocalDate.of(2023, 1, 1);

    private DeletingRelatedRecords() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Bookshop.Stock stock = Bookshop.stock(db);
            Bookshop.categorize(stock);
            Author deleted = deleteFirstAuthor(db);
            System.out.println("deleted " + deleted + "; books left: " + db.select(Book.class).order("title").fetchAll());
            long old = deleteOldBooksOf(stock.jane());
            System.out.println("deleted " + old + " book(s) by " + stock.jane() + " from before " + CUTOFF
                    + "; books left: " + db.select(Book.class).order("title").fetchAll());
            deleteProfileOf(db, stock.user());
            System.out.println("profiles left: " + db.select(Profile.class).count());
            Category python = db.select(Category.class).filter("name", "Python").get();
            clearAndDelete(db, python);
            System.out.println("categories left: " + db.select(Category.class).fetchAll()
                    + "; books left: " + db.select(Book.class).order("title").fetchAll());
        }
    }

    /** {@code author = Author.objects.fetch_first(); author.delete()}: the books go with the author (CASCADE). */
    public static Author deleteFirstAuthor(Database db) {
        Author author = db.select(Author.class).fetchFirst().orElseThrow();
        db.delete(author);
        return author;
    }

    /** {@code author.books.filter(published_date__lt=date(2023, 1, 1)).delete()}: how many books were deleted. */
    public static long deleteOldBooksOf(Author author) {
        return author.books.filter("publishedDate__lt", CUTOFF).delete();
    }

    /** {@code user.profile.delete()}: deletes the profile; the user stays. */
    public static void deleteProfileOf(Database db, User user) {
        db.delete(user.profile);
    }

    /**
     * {@code category.books.clear(); category.delete()}: removes all associations without deleting books, then
     * deletes the category; the books remain.
     */
    public static void clearAndDelete(Database db, Category category) {
        category.books.clear();
        db.delete(category);
    }
}
