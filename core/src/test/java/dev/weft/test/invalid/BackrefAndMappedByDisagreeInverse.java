package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;

import java.util.Set;

/** Its {@code owners} field says it is the inverse of {@code wrong}, but the owner's backref says {@code items}. */
@Entity
public class BackrefAndMappedByDisagreeInverse {
    @Id public long id;
    @ManyToMany(mappedBy = "wrong") public Set<BackrefAndMappedByDisagree> owners;
}
