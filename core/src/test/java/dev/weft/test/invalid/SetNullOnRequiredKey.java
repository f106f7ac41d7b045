package dev.weft.test.invalid;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;
import dev.weft.test.model.Team;

/** SET_NULL on a key that is not nullable. */
@Entity
public class SetNullOnRequiredKey {
    @Id public long id;
    @ForeignKey(onDelete = Action.SET_NULL) public Team team;
}
