package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToMany;
import dev.weft.test.model.Player;

import java.util.List;

/** {@code mappedBy} naming a field {@link Player} does not have. */
@Entity
public class UnknownMappedBy {
    @Id public long id;
    @OneToMany(mappedBy = "coach") public List<Player> players;
}
