package dev.weft.samples;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

/** A shelf of the library. Its name is unique. */
@Entity
public class Category {
    @Id public long id;
    @Column(nullable = false, unique = true) public String name;

    /** For loading rows. */
    public Category() {
    }

    public Category(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
