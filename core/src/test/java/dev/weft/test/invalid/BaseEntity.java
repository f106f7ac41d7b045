package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;

/** A valid entity on its own; {@link EntityExtendingEntity} extends it, which is refused. */
@Entity
public class BaseEntity {
    @Id public long id;
    public String name;
}
