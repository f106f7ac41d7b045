package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/** {@code team} is a nullable SET_NULL key; {@code name} is NOT NULL. */
@Entity
public class Player {
    @Id public long id;
    @Column(nullable = false) public String name;
    @ForeignKey(onDelete = Action.SET_NULL, nullable = true) public Team team;

    public Player() {
    }

    public Player(String name, Team team) {
        this.name = name;
        this.team = team;
    }
}
