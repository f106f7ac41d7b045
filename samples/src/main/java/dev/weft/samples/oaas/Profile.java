package dev.weft.samples.oaas;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.List;

/** The proposal's {@code Profile} service: {@code email: str = ""}, and the users that link to it. */
@Entity
public class Profile {
    @Id public long id;
    public String email = "";

    /** "{@code profile.users} is a OneToMany inferred by backref": the inverse of {@link User#profile}. */
    public List<User> users;

    /** For loading rows. */
    public Profile() {
    }

    public Profile(String email) {
        this.email = email;
    }

    @Override
    public String toString() {
        return email;
    }
}
