package dev.weft.samples.oaas;

import dev.weft.Entity;
import dev.weft.Id;

/** The proposal's {@code Logo} service: {@code uri: str = ""}, and the org that holds it. */
@Entity
public class Logo {
    @Id public long id;
    public String uri = "";

    /** The inverse of {@link Org#logo}, named by its backref: {@code logo.org}. No column. */
    public Org org;

    /** For loading rows. */
    public Logo() {
    }

    public Logo(String uri) {
        this.uri = uri;
    }

    @Override
    public String toString() {
        return uri;
    }
}
