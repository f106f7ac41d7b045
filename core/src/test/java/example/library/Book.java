package example.library;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** An entity read in every way Java allows: getters, a lambda, an inner and an anonymous class. */
@Entity(table = "books")
public class Book {
    @Id public long id;
    public String title;
    public Author author;
    private int pages;
    public transient String note;
    public static int loaded;

    public Book() {
    }

    public Book(String title, Author author, int pages) {
        this.title = title;
        this.author = author;
        this.pages = pages;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }

    public int getPages() {
        return pages;
    }

    public void setPages(int pages) {
        this.pages = pages;
    }

    public Supplier<String> titleLater() {
        return () -> title;
    }

    public int pagesThroughInnerClass() {
        return new PageCounter().count();
    }

    public int pagesThroughAnonymousClass() {
        IntSupplier counter = new IntSupplier() {
            @Override
            public int getAsInt() {
                return pages;
            }
        };
        return counter.getAsInt();
    }

    /** A nest-mate reading a private field of its enclosing entity. */
    class PageCounter {
        int count() {
            return pages;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Book book && book.id == id && id != 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Book(" + title + ", " + pages + ")";
    }
}
