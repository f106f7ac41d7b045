package dev.weft.samples.sqliter.definitions;

import dev.weft.Entity;
import dev.weft.Id;

/** {@code class Author(BaseDBModel): name: str; email: str}. Table {@code author}. */
@Entity
public class Author {
    @Id public long id;
    public String name;
    public String email;

    /** For loading rows. */
    public Author() {
    }

    public Author(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
