package dev.weft.samples;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

/** A writer. Table {@code author}: the class name in snake_case. */
@Entity
public class Author {
    @Id public long id;                       // INTEGER PRIMARY KEY; 0 until saved
    @Column(nullable = false) public String name;
    @Column(unique = true) public String email;

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
