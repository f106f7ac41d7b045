package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** The inverse side of {@link Org#logo}. */
@Entity
public class Logo {
    @Id public long id;
    public String uri;
    public Org org;

    public Logo() {
    }

    public Logo(String uri) {
        this.uri = uri;
    }
}
