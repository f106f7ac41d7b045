package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToOne;

/** Holds at most one {@link Logo}, and a logo belongs to at most one org (the OaaS example). */
@Entity
public class Org {
    @Id public long id;
    public String name;
    @OneToOne(backref = "org", nullable = true, onDelete = Action.SET_NULL) public Logo logo;

    public Org() {
    }

    public Org(String name) {
        this.name = name;
    }
}
