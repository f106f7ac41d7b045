package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToOne;

/** One-to-one with {@link User}: {@code user_id} is a UNIQUE foreign key. */
@Entity
public class Profile {
    @Id public long id;
    @OneToOne(backref = "profile") public User user;
    public String bio;

    public Profile() {
    }

    public Profile(User user, String bio) {
        this.user = user;
        this.bio = bio;
    }
}
