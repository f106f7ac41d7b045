package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/** Two foreign keys to {@link AmbiguousOwner}. */
@Entity
public class AmbiguousChild {
    @Id public long id;
    public AmbiguousOwner first;
    @ForeignKey(nullable = true) public AmbiguousOwner second;
}
