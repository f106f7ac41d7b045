package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.util.Objects;

/** Table {@code edition}: an entity whose toString, equals and hashCode read its foreign key. */
@Entity
public class Edition {
    @Id public long id;
    public String format;
    @ForeignKey public Book book;

    public Edition() {
    }

    public Edition(String format, Book book) {
        this.format = format;
        this.book = book;
    }

    @Override
    public String toString() {
        return format + " of " + (book == null ? "no book" : "book #" + book.id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Edition edition && Objects.equals(format, edition.format)
                && Objects.equals(book, edition.book);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, book);
    }
}
