package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.List;

/** A collection whose element type is not an entity. */
@Entity
public class CollectionOfNonEntity {
    @Id public long id;
    public List<String> tags;
}
