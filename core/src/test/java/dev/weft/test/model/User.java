package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** A boxed {@code Long} id: {@code null} until saved. */
@Entity
public class User {
    @Id public Long id;
    public String username;
    public Profile profile;

    public User() {
    }

    public User(String username) {
        this.username = username;
    }
}
