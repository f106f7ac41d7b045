package dev.weft.samples.sqliter;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

/**
 * A tag on books, with the PRD's custom junction table name ("Advanced Usage":
 * {@code ManyToManyField[Book, through="book_tags"]}): junction table {@code book_tags}, columns
 * {@code tag_id} and {@code book_id}. Its other side is {@link Book#tags}.
 */
@Entity
public class Tag {
    @Id public long id;
    public String name;

    @ManyToMany(through = "book_tags", backref = "tags")
    public RelationSet<Book> books;

    /** For loading rows. */
    public Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
