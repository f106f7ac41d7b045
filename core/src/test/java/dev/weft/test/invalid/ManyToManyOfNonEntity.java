package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;

import java.util.Set;

/** A many-to-many whose element type is not an entity. */
@Entity
public class ManyToManyOfNonEntity {
    @Id public long id;
    @ManyToMany public Set<Integer> numbers;
}
