package example.app;

import example.library.Author;
import example.library.Book;

import java.util.function.Supplier;

/** Application code in another package that reads and writes entity fields directly. */
public final class Library {

    private Library() {
    }

    public static String authorNameOf(Book book) {
        return book.author.name;
    }

    public static void rename(Author author, String name) {
        author.name = name;
    }

    public static void assign(Book book, Author author) {
        book.author = author;
    }

    public static long idOf(Author author) {
        return author.id;
    }

    public static Supplier<String> titleLater(Book book) {
        return () -> book.title;
    }

    public static String titleThroughAnonymousClass(Book book) {
        Supplier<String> title = new Supplier<>() {
            @Override
            public String get() {
                return book.title;
            }
        };
        return title.get();
    }

    public static int bookCount(Author author) {
        return author.books.size();
    }

    public static String noteOf(Book book) {
        return book.note;
    }

    public static int loadedBooks() {
        return Book.loaded;
    }
}
