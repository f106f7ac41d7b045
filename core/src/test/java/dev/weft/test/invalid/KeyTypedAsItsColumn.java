package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/** A foreign key declared with the type of its column instead of the entity it references. */
@Entity
public class KeyTypedAsItsColumn {
    @Id public long id;
    @ForeignKey public Long teamId;
}
