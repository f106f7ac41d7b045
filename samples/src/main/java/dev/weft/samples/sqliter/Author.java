package dev.weft.samples.sqliter;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToMany;
import dev.weft.RelationSet;

/**
 * An author of books: the "one" side of the PRD's one-to-many {@code Author -> Books}
 * ("Usage Examples", section 1). Table {@code author}.
 */
@Entity
public class Author {
    @Id public long id;
    public String name;
    public String email;

    /**
     * The inverse of {@link Book#author}: no column, a live relation. The PRD's {@code author.books} is a query
     * manager ({@code fetch_all()}, {@code filter(...)}, {@code count()}, {@code order(...)}), so the field is
     * declared as a {@link RelationSet}; declared as {@code List<Book>} it would be
     * {@code db.related(author, "books")} that offers those.
     */
    @OneToMany(mappedBy = "author")
    public RelationSet<Book> books;

    /** For loading rows. */
    public Author() {
    }

    public Author(String name, String email) {
        this.name = name;
        this.email = email;
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
