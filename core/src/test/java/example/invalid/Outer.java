package example.invalid;

import dev.weft.Entity;
import dev.weft.Id;

public class Outer {
    @Entity
    public class InnerEntity {
        @Id public long id;
    }
}
