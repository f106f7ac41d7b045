package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** Referenced by {@link Magazine} through a RESTRICT key (the default). */
@Entity
public class Publisher {
    @Id public long id;
    public String name;

    public Publisher() {
    }

    public Publisher(String name) {
        this.name = name;
    }
}
