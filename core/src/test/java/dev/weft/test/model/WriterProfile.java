package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToOne;

/** One-to-one with {@link Writer} ({@code writer_id} UNIQUE, CASCADE); {@code bio} may be NULL. */
@Entity
public class WriterProfile {
    @Id public long id;
    @OneToOne(backref = "profile", onDelete = Action.CASCADE) public Writer writer;
    public String bio;

    public WriterProfile() {
    }

    public WriterProfile(Writer writer, String bio) {
        this.writer = writer;
        this.bio = bio;
    }
}
