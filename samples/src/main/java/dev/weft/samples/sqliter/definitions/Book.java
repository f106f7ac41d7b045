package dev.weft.samples.sqliter.definitions;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.time.LocalDate;

/**
 * {@code author: ForeignKeyField[Author]  # One-to-many}. Column {@code author_id}; CASCADE as the PRD's
 * {@code ForeignKeyField} default (Weft's own default is RESTRICT). Table {@code book}.
 */
@Entity
public class Book {
    @Id public long id;
    public String title;

    @ForeignKey(onDelete = Action.CASCADE)
    public Author author;

    public LocalDate publishedDate;

    /** For loading rows. */
    public Book() {
    }

    public Book(String title, Author author, LocalDate publishedDate) {
        this.title = title;
        this.author = author;
        this.publishedDate = publishedDate;
    }
}
