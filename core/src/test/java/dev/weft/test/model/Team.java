package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** Referenced by {@link Player} through a SET_NULL key. */
@Entity
public class Team {
    @Id public long id;
    public String name;

    public Team() {
    }

    public Team(String name) {
        this.name = name;
    }
}
