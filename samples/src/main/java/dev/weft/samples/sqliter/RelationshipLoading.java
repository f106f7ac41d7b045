package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;
import java.util.List;

/**
 * PRD section 3.1, "Relationship Loading": {@code select_related} loads a book's author with a JOIN in the query
 * of the books; {@code prefetch_related} loads the books of all the authors with one more query. Either way,
 * reading {@code book.author} or iterating {@code author.books} afterwards sends nothing to the database.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.RelationshipLoading}
 */
public final class RelationshipLoading {

    private RelationshipLoading() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Bookshop.stock(db);
            db.clearCache();
            for (Book book : recentBooksWithAuthors(db)) {
                System.out.println(book + " (" + book.publishedDate + ") by " + book.author.name);
            }
            for (Author author : authorsWithBooks(db)) {
                System.out.println(author.name + " wrote " + author.books.size() + " books: " + author.books);
            }
        }
    }

    /**
     * {@code Book.objects.select_related("author").filter(published_date__gt="2023-01-01")}: the books published
     * after that date, each with its author, in one query.
     */
    public static List<Book> recentBooksWithAuthors(Database db) {
        return db.select(Book.class)
                .selectRelated("author")
                .filter("publishedDate__gt", LocalDate.of(2023, 1, 1))
                .fetchAll();
    }

    /**
     * {@code Author.objects.prefetch_related("books").fetch_all()}: the authors in one query, the books of all of
     * them in a second one.
     */
    public static List<Author> authorsWithBooks(Database db) {
        return db.select(Author.class).prefetchRelated("books").fetchAll();
    }
}
