package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * PRD "Usage Examples", section 3, "Querying Related Records", every example of it. {@code Book.objects.filter(...)}
 * and {@code Category.objects.get(...)} are the active-record style of Weft's {@code Finder} (API section 8); here
 * they are {@code db.select(Book.class)...}. Keyword arguments become {@code filter(lookup, value)} calls and
 * {@code order("published_date", reverse=True)} is {@code order("-publishedDate")}.
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
            Book book = firstBookWithAuthor(db);
            System.out.println("First book, author joined:    " + book + " by " + book.author.name);
            authorsAndTheirBooks(db).forEach(line -> System.out.println("Prefetched:  " + line));
            System.out.println("Books by author__name:        " + booksByJohnDoe(db));
            for (Book recent : recentBooks(db)) {
                System.out.println("Recent book:  " + recent + ", " + recent.publishedDate + ", " + recent.author);
            }
            User user = firstUserWithProfile(db);
            System.out.println("User " + user + ", profile joined: " + user.profile.bio);
            Profile profile = firstProfileWithUser(db);
            System.out.println("Profile's user, joined:       " + profile.user.username);
            System.out.println("Books in category Programming: " + programmingBooks(db));
            System.out.println("Books in Programming or Python: " + booksInCategories(db));
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

    /**
     * {@code Book.objects.select_related("author").fetch_first()}: the book and its author in one query, so that
     * {@code book.author.name} needs no other.
     */
    public static Book firstBookWithAuthor(Database db) {
        return db.select(Book.class).selectRelated("author").fetchFirst().orElseThrow();
    }

    /**
     * {@code Author.objects.prefetch_related("books").fetch_all()} and a loop over every author's books: two queries
     * in all, one for the authors and one for all of their books. Each line reads "author: title".
     */
    public static List<String> authorsAndTheirBooks(Database db) {
        List<String> lines = new ArrayList<>();
        List<Author> authors = db.select(Author.class).prefetchRelated("books").fetchAll();
        for (Author author : authors) {
            for (Book book : author.books.fetchAll()) {       // no additional queries
                lines.add(author.name + ": " + book.title);
            }
        }
        return lines;
    }

    /** {@code Book.objects.filter(author__name="John Doe").fetch_all()}: a filter on a related field. */
    public static List<Book> booksByJohnDoe(Database db) {
        return db.select(Book.class).filter("author__name", "John Doe").fetchAll();
    }

    /**
     * The "complex query" {@code recent_books}: books published after 2023-01-01 whose author's email contains
     * "example.com", the latest first, each with its author loaded by the same query.
     */
    public static List<Book> recentBooks(Database db) {
        return db.select(Book.class)
                .selectRelated("author")
                .filter("publishedDate__gt", LocalDate.of(2023, 1, 1))
                .filter("author__email__contains", "example.com")
                .order("-publishedDate")
                .fetchAll();
    }

    /** {@code User.objects.select_related("profile").fetch_first()}: the inverse side of the one-to-one, joined. */
    public static User firstUserWithProfile(Database db) {
        return db.select(User.class).selectRelated("profile").fetchFirst().orElseThrow();
    }

    /** {@code Profile.objects.select_related("user").fetch_first()}: the profile and its user in one query. */
    public static Profile firstProfileWithUser(Database db) {
        return db.select(Profile.class).selectRelated("user").fetchFirst().orElseThrow();
    }

    /** {@code Category.objects.get(name="Programming").books.fetch_all()}: a many-to-many query. */
    public static List<Book> programmingBooks(Database db) {
        return db.select(Category.class).filter("name", "Programming").get().books.fetchAll();
    }

    /**
     * {@code Book.objects.filter(categories__name__in=["Programming", "Python"]).fetch_all()}: the books in either
     * category, each once, even those in both.
     */
    public static List<Book> booksInCategories(Database db) {
        return db.select(Book.class).filter("categories__name__in", List.of("Programming", "Python")).fetchAll();
    }
}
