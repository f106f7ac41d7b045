package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PRD section 3.2, "Relationship Access": {@code book.author} returns the Author instance, {@code author.books}
 * the related books. Both load lazily: reading the author of every book of one result set costs one more
 * query for all of them, not one per book.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.RelationshipAccess}
 */
public final class RelationshipAccess {

    private RelationshipAccess() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Bookshop.Stock stock = Bookshop.stock(db);
            db.clearCache();
            System.out.println("book.author: " + authorsByTitle(db));
            Author john = db.get(Author.class, stock.john().id);
            System.out.println("author.books: " + booksOf(john));
        }
    }

    /** Loads every book in one query and reads {@code book.author.name} of each: title to author name, by title. */
    public static Map<String, String> authorsByTitle(Database db) {
        Map<String, String> authors = new LinkedHashMap<>();
        for (Book book : db.select(Book.class).order("title").fetchAll()) {
            authors.put(book.title, book.author.name);    // book.author returns the Author instance
        }
        return authors;
    }

    /** {@code author.books}: the titles of the author's books, by title. */
    public static List<String> booksOf(Author author) {
        return author.books.order("title").fetchAll().stream().map(book -> book.title).toList();
    }
}
