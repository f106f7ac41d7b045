package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;

import java.util.Set;

/** The owning side of {@link BackrefAndMappedByDisagreeInverse}, naming a backref the other side contradicts. */
@Entity
public class BackrefAndMappedByDisagree {
    @Id public long id;
    @ManyToMany(backref = "owners") public Set<BackrefAndMappedByDisagreeInverse> items;
}
