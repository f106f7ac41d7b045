package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.time.LocalDate;
import java.util.List;

/** Table {@code books} (custom name); {@code author_id} is a CASCADE key. */
@Entity(table = "books")
public class Book {
    @Id public long id;
    public String title;
    @ForeignKey(onDelete = Action.CASCADE) public Author author;
    public LocalDate publishedDate;
    public List<Category> categories;

    public Book() {
    }

    public Book(String title, Author author) {
        this.title = title;
        this.author = author;
    }

    public Book(String title, Author author, LocalDate publishedDate) {
        this(title, author);
        this.publishedDate = publishedDate;
    }
}
