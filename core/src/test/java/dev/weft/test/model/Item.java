package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/** On at most one {@link Shelf}: a nullable key that both of its collection fields follow. */
@Entity
public class Item {
    @Id public long id;
    public String label;
    @ForeignKey(nullable = true) public Shelf shelf;

    public Item() {
    }

    public Item(String label) {
        this.label = label;
    }
}
