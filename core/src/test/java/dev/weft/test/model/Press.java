package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/**
 * A publishing house for the relation-query tests; its {@link Country} (a String id in a custom column) is a
 * nullable SET_NULL key, so {@code Novel -> Writer -> Press -> Country} is a chain whose last two keys may be NULL.
 */
@Entity
public class Press {
    @Id public long id;
    public String name;
    @ForeignKey(nullable = true, onDelete = Action.SET_NULL) public Country country;

    public Press() {
    }

    public Press(String name, Country country) {
        this.name = name;
        this.country = country;
    }
}
