package example.shop;

import dev.weft.Entity;
import dev.weft.Id;

@Entity
public class Item {
    @Id public long id;
    public String name;
    public int quantity;

    public Item(String name) {
        this.name = name;
    }
}
