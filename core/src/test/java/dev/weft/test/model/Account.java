package dev.weft.test.model;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

/** {@code @Column} customisations and a transient field. */
@Entity
public class Account {
    @Id public long id;
    @Column(name = "login_name", nullable = false, unique = true) public String login;
    @Column(unique = true) public String email;
    @Column(nullable = false) public String displayName;
    public int loginCount;
    public transient String sessionToken;

    public Account() {
    }

    public Account(String login, String email, String displayName) {
        this.login = login;
        this.email = email;
        this.displayName = displayName;
    }
}
