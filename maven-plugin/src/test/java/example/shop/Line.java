package example.shop;

import dev.weft.Entity;
import dev.weft.Id;

/** A valid entity whose relation reaches the invalid {@link Order}. */
@Entity
public class Line {
    @Id public long id;
    public Order order;
    public int amount;
}
