package dev.weft.samples.sqliter.definitions;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

/**
 * {@code books: ManyToManyField[Book]  # Many-to-many}: the junction table has its default name
 * {@code tag_books} (columns {@code tag_id}, {@code book_id}). As in the PRD, {@link Book} declares no field
 * for the other side; {@code @ManyToMany(mappedBy = "books") RelationSet<Tag> tags} in {@code Book} would be it.
 */
@Entity
public class Tag {
    @Id public long id;
    public String name;

    @ManyToMany
    public RelationSet<Book> books;

    /** For loading rows. */
    public Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }
}
