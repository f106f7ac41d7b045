package dev.weft.samples.sqliter;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

/**
 * A category of books: the PRD's many-to-many {@code books: ManyToManyField[Book]}. Without {@code through}
 * the junction table gets its default name, {@code category_books} (columns {@code category_id},
 * {@code book_id}); {@code backref} names the other side, {@link Book#categories}.
 */
@Entity
public class Category {
    @Id public long id;
    public String name;
    public String description;

    @ManyToMany(backref = "categories")
    public RelationSet<Book> books;

    /** For loading rows. */
    public Category() {
    }

    public Category(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public String toString() {
        return name;
    }
}
