package dev.weft.samples.oaas;

import dev.weft.ForeignKey;
import dev.weft.Entity;
import dev.weft.Id;

/**
 * The proposal's {@code User} service: {@code profile: oaas.ForeignKey[Profile](nullable=True, backref="users")}.
 * Column {@code profile_id}, nullable; deleting a profile that users link to is refused (the proposal's
 * default {@code on_delete="restrict"}, Weft's too).
 */
@Entity
public class User {
    @Id public long id;
    public String name;

    @ForeignKey(nullable = true, backref = "users")
    public Profile profile;

    /** For loading rows. */
    public User() {
    }

    public User(String name) {
        this.name = name;
    }

    /** The proposal's {@code link_profile} method: links this user to {@code p}. */
    public boolean linkProfile(Profile p) {
        this.profile = p;
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
