package example.invalid;

import dev.weft.Entity;
import dev.weft.Id;

@Entity
public class FinalFieldEntity {
    @Id public long id;
    public final String code = "fixed";
}
