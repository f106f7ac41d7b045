package dev.weft.samples.sqliter;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToOne;

/**
 * A user's profile. The PRD writes {@code user: ForeignKeyField[User, unique=True]}; {@code @OneToOne} is
 * Weft's {@code @ForeignKey(unique = true)}: column {@code user_id}, NOT NULL, UNIQUE, indexed.
 */
@Entity
public class Profile {
    @Id public long id;

    @OneToOne(backref = "profile")
    public User user;

    public String bio;
    public String avatarUrl;                  // column avatar_url

    /** For loading rows. */
    public Profile() {
    }

    public Profile(User user, String bio, String avatarUrl) {
        this.user = user;
        this.bio = bio;
        this.avatarUrl = avatarUrl;
    }
}
