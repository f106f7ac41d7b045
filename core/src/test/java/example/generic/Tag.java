package example.generic;

import dev.weft.Entity;
import dev.weft.Id;

/** An entity whose mapped superclass declares only a constructor with arguments. */
@Entity
public class Tag extends Labelled<String> {
    @Id public long id;

    public Tag(String label) {
        super(label);
    }
}
