package example.shop;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/** Enhanced, but mapped wrongly: SET_NULL on a key that is not nullable (the default). */
@Entity
public class Order {
    @Id public long id;
    @ForeignKey(onDelete = Action.SET_NULL) public Item item;
}
