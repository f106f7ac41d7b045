package example.shop;

import dev.weft.Entity;
import dev.weft.Id;

/** Refused by the enhancer: a final persistent field. */
@Entity
public class Broken {
    @Id public long id;
    public final String code = "x";
}
