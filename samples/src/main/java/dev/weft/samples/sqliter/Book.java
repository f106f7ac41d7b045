package dev.weft.samples.sqliter;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;
import dev.weft.RelationSet;

import java.time.LocalDate;

/** A book: {@code author: ForeignKeyField[Author]} of the PRD. Table {@code books}, as in the API contract. */
@Entity(table = "books")
public class Book {
    @Id public long id;
    public String title;

    /**
     * Column {@code author_id}, NOT NULL, indexed. The PRD's {@code ForeignKeyField} cascades deletes by default
     * (Weft's default is RESTRICT), so deleting an author deletes their books, as its section 5 expects.
     */
    @ForeignKey(onDelete = Action.CASCADE)
    public Author author;

    public LocalDate publishedDate;           // column published_date

    /** The other side of {@link Category#books} (its backref): "reverse relationship is automatically available". */
    public RelationSet<Category> categories;

    /** The other side of {@link Tag#books} (its backref), the PRD's {@code book.tags}. */
    public RelationSet<Tag> tags;

    /** For loading rows. */
    public Book() {
    }

    public Book(String title, Author author, LocalDate publishedDate) {
        this.title = title;
        this.author = author;
        this.publishedDate = publishedDate;
    }

    @Override
    public String toString() {
        return title;
    }
}
