package dev.weft.samples.sqliter;

import dev.weft.Entity;
import dev.weft.Id;

/** A user with at most one {@link Profile}: the PRD's one-to-one {@code User -> Profile}. Table {@code user}. */
@Entity
public class User {
    @Id public Long id;                       // null until saved
    public String username;
    public String email;

    /** The inverse side of {@link Profile#user}, named by its backref; no column. */
    public Profile profile;

    /** For loading rows. */
    public User() {
    }

    public User(String username, String email) {
        this.username = username;
        this.email = email;
    }

    @Override
    public String toString() {
        return username;
    }
}
