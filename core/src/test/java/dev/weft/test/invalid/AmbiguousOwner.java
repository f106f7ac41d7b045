package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.List;

/** {@code children} without mappedBy, though {@link AmbiguousChild} has two keys pointing back. */
@Entity
public class AmbiguousOwner {
    @Id public long id;
    public List<AmbiguousChild> children;
}
