package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.List;

/** The inverse side of {@link Novel#themes}, a plain list named by its backref. */
@Entity
public class Theme {
    @Id public long id;
    public String name;
    public List<Novel> novels;

    public Theme() {
    }

    public Theme(String name) {
        this.name = name;
    }
}
