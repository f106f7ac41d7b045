package dev.weft.samples.sqliter;

import dev.weft.Database;

/**
 * PRD section 5.1, "Create &amp; Update": "cascade saves for nested relationships". A new book whose author is
 * new too: one save inserts both, the author first, in one transaction.
 *
 * <p>The PRD calls {@code book.save()} (the active-record style of Weft's {@code Model}, API section 8); here
 * it is {@code db.save(book)}.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.NestedCreation}
 */
public final class NestedCreation {

    private NestedCreation() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            BasicModelSetup.createTables(db);
            Book book = createBookWithNewAuthor(db);
            System.out.println("book #" + book.id + " " + book + " by author #" + book.author.id + " " + book.author.name);
        }
    }

    /** Saves a new book with a new author (nested creation) and returns the book; the tables must exist. */
    public static Book createBookWithNewAuthor(Database db) {
        Book book = new Book();
        book.title = "New Book";
        book.author = new Author("New Author", null);    // nested creation
        db.save(book);                                   // saves both book and author
        return book;
    }
}
