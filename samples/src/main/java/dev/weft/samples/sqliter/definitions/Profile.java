package dev.weft.samples.sqliter.definitions;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/**
 * {@code user: ForeignKeyField[Author, unique=True]  # One-to-one}: the same annotation with
 * {@code unique = true}, column {@code user_id} with a {@code UNIQUE} constraint.
 */
@Entity
public class Profile {
    @Id public long id;

    @ForeignKey(unique = true, onDelete = Action.CASCADE)
    public Author user;

    public String bio;

    /** For loading rows. */
    public Profile() {
    }

    public Profile(Author user, String bio) {
        this.user = user;
        this.bio = bio;
    }
}
