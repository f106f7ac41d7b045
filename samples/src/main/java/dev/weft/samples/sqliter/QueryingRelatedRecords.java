package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.util.List;

/**
 * PRD "Usage Examples", section 3, "Querying Related Records": the examples that need neither
 * {@code select_related}, {@code prefetch_related} nor a filter across a relation (those come with a later
 * issue). {@code Book.objects.filter(...)} and {@code Category.objects.get(...)} are the active-record style
 * of Weft's {@code Finder} (API section 8); here they are {@code db.select(Book.class)...}.
 *
 * <p>Left for that issue: {@code select_related("author").fetch_first()}, {@code prefetch_related("books")},
 * {@code filter(author__name=...)}, the "complex query" ({@code select_related}, {@code author__email__contains},
 * ordered by date), {@code select_related("profile")} and {@code select_related("user")}, and
 * {@code filter(categories__name__in=[...])}.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.QueryingRelatedRecords}
 */
public final class QueryingRelatedRecords {

    private QueryingRelatedRecords() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Bookshop.Stock stock = Bookshop.stock(db);
            Bookshop.categorize(stock);
            System.out.println("Books by John Doe:            " + booksBy(db, stock.john()));
            System.out.println("John Doe's books (reverse):   " + authorBooks(stock.john()));
            System.out.println("Books in category Programming: " + programmingBooks(db));
        }
    }

    /** {@code Book.objects.filter(author=author).fetch_all()}: all books by an author. */
    public static List<Book> booksBy(Database db, Author author) {
        return db.select(Book.class).filter("author", author).fetchAll();
    }

    /** {@code author.books.fetch_all()}: the author's books through the reverse relationship. */
    public static List<Book> authorBooks(Author author) {
        return author.books.fetchAll();
    }

    /** {@code Category.objects.get(name="Programming").books.fetch_all()}: a many-to-many query. */
    public static List<Book> programmingBooks(Database db) {
        return db.select(Category.class).filter("name", "Programming").get().books.fetchAll();
    }
}
