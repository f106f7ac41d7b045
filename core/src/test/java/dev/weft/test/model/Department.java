package dev.weft.test.model;

import dev.weft.ForeignKey;
import dev.weft.Entity;
import dev.weft.Id;

/** Half of the cycle Department -> Employee -> Department; {@code head} is the nullable key. */
@Entity
public class Department {
    @Id public long id;
    public String name;
    @ForeignKey(nullable = true) public Employee head;

    public Department() {
    }

    public Department(String name) {
        this.name = name;
    }
}
