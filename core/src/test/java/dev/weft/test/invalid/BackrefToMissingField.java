package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;
import dev.weft.test.model.Team;

/** A backref naming a field {@link Team} does not have. */
@Entity
public class BackrefToMissingField {
    @Id public long id;
    @ForeignKey(backref = "mascots") public Team team;
}
