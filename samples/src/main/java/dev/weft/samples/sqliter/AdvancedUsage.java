package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * PRD "Usage Examples", section 6, "Advanced Usage": the custom junction table name ({@link Tag}, table
 * {@code book_tags}), the nested prefetch ({@code prefetch_related("books__categories")}), complex filtering on
 * related fields ({@code author__name__startswith}, {@code categories__name__in}, ordered by
 * {@code author__name} and {@code title}) and aggregate queries on related records.
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
            Bookshop.categorize(stock);
            for (Author author : authorsWithBooksAndCategories(db)) {       // three queries, none in the loops
                for (Book book : author.books) {
                    System.out.println(author.name + ": " + book.title + " " + book.categories.fetchAll());
                }
            }
            for (Book book : pythonBooksByJohns(db)) {
                System.out.println("By a John, in Python or Programming, after 2023-01-01: "
                        + book + " by " + book.author.name);
            }
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

    /**
     * {@code Author.objects.prefetch_related("books__categories").fetch_all()}: the authors, their books and the
     * books' categories, with one query per level. Iterating {@code author.books} and {@code book.categories}
     * then needs no query.
     */
    public static List<Author> authorsWithBooksAndCategories(Database db) {
        return db.select(Author.class).prefetchRelated("books__categories").fetchAll();
    }

    /**
     * Complex filtering on related fields: the books by an author whose name starts with "John", in the category
     * Python or Programming (each book once), published after 2023-01-01, by author name and title, each with
     * its author loaded by the same query.
     */
    public static List<Book> pythonBooksByJohns(Database db) {
        return db.select(Book.class)
                .selectRelated("author")
                .filter("author__name__startswith", "John")
                .filter("categories__name__in", List.of("Python", "Programming"))
                .filter("publishedDate__gt", LocalDate.of(2023, 1, 1))
                .order("author__name", "title")
                .fetchAll();
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
