package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.util.Optional;

/**
 * PRD "Usage Examples", section 6, "Advanced Usage": the custom junction table name ({@link Tag}, table
 * {@code book_tags}) and aggregate queries on related records. The nested prefetch
 * ({@code prefetch_related("books__categories")}) and the complex filtering across relations
 * ({@code author__name__startswith}, {@code categories__name__in}, {@code order("author__name", "title")}) of that
 * section come with a later issue.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.AdvancedUsage}
 */
public final class AdvancedUsage {

    private AdvancedUsage() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Bookshop.Stock stock = Bookshop.stock(db);
            Tag tag = tagBooks(db, stock);
            System.out.println(tag + " (junction table book_tags): " + tag.books.fetchAll());
            System.out.println(stock.john() + ": " + totalBooks(stock.john()) + " books, the latest "
                    + latestBook(stock.john()).map(book -> book.title + " " + book.publishedDate).orElse("none"));
        }
    }

    /** A tag "python" on the three Python books, written to the custom junction table {@code book_tags}. */
    public static Tag tagBooks(Database db, Bookshop.Stock stock) {
        Tag tag = db.save(new Tag("python"));
        tag.books.add(stock.pythonProgramming(), stock.advancedPython(), stock.pythonBasics());
        return tag;
    }

    /** {@code total_books = author.books.count()}: counted by the database. */
    public static long totalBooks(Author author) {
        return author.books.count();
    }

    /** {@code latest_book = author.books.order("published_date", reverse=True).fetch_first()}. */
    public static Optional<Book> latestBook(Author author) {
        return author.books.order("-publishedDate").fetchFirst();
    }
}
