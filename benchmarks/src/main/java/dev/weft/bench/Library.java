package dev.weft.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The generated library: authors, their books, and categories linked to books many-to-many. Its tables are
 * created here, in plain SQL, and every contender maps its own classes onto them.
 *
 * <p>At scale {@code s}: {@code 1,000 s} authors, five books each, {@link #CATEGORIES} categories, two
 * categories per book. The same seed gives the same rows to every contender.
 */
public final class Library {

    public static final int AUTHORS_PER_SCALE = 1_000;
    public static final int BOOKS_PER_AUTHOR = 5;
    public static final int CATEGORIES = 20;

    private static final String[] SCHEMA = {
        "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT)",
        "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
            + " author_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE ON UPDATE CASCADE,"
            + " pages INTEGER NOT NULL, published_year INTEGER NOT NULL)",
        "CREATE INDEX book_author_id ON book (author_id)",
        "CREATE TABLE category (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
        "CREATE TABLE book_category ("
            + " category_id INTEGER NOT NULL REFERENCES category (id) ON DELETE CASCADE ON UPDATE CASCADE,"
            + " book_id INTEGER NOT NULL REFERENCES book (id) ON DELETE CASCADE ON UPDATE CASCADE,"
            + " PRIMARY KEY (category_id, book_id))",
        "CREATE INDEX book_category_book_id ON book_category (book_id)",
    };

    private Library() {
    }

    /** Creates the library's tables in {@code file} and fills them at the given scale. */
    public static void createIn(Path file, int scale) {
        int authors = AUTHORS_PER_SCALE * scale;
        SplittableRandom random = new SplittableRandom(42);
        try (Connection connection = DriverManager.getConnection(SqliteFile.url(file))) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : SCHEMA) {
                    statement.executeUpdate(sql);
                }
            }
            connection.setAutoCommit(false);
            try (PreparedStatement author = connection.prepareStatement("INSERT INTO author (id, name, email) VALUES (?, ?, ?)");
                 PreparedStatement book = connection.prepareStatement(
                         "INSERT INTO book (id, title, author_id, pages, published_year) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement category = connection.prepareStatement("INSERT INTO category (id, name) VALUES (?, ?)");
                 PreparedStatement link = connection.prepareStatement(
                         "INSERT INTO book_category (category_id, book_id) VALUES (?, ?)")) {
                for (int c = 1; c <= CATEGORIES; c++) {
                    category.setInt(1, c);
                    category.setString(2, "Category " + c);
                    category.addBatch();
                }
                category.executeBatch();
                long bookId = 0;
                for (int a = 1; a <= authors; a++) {
                    author.setInt(1, a);
                    author.setString(2, "Author " + a);
                    author.setString(3, "author" + a + "@example.org");
                    author.addBatch();
                    for (int b = 0; b < BOOKS_PER_AUTHOR; b++) {
                        bookId++;
                        book.setLong(1, bookId);
                        book.setString(2, "Book " + bookId + " by author " + a);
                        book.setInt(3, a);
                        book.setInt(4, 100 + random.nextInt(900));
                        book.setInt(5, 1950 + random.nextInt(75));
                        book.addBatch();
                        int first = 1 + random.nextInt(CATEGORIES);
                        int second = 1 + (first + random.nextInt(CATEGORIES - 1)) % CATEGORIES;
                        for (int c : new int[] {first, second}) {
                            link.setInt(1, c);
                            link.setLong(2, bookId);
                            link.addBatch();
                        }
                    }
                }
                author.executeBatch();
                book.executeBatch();
                link.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("creating the library in " + file + " failed: " + e.getMessage(), e);
        }
    }
}
