package example.shop;

import dev.weft.Entity;

/** Enhanced, but mapped wrongly: no @Id. */
@Entity
public class Coupon {
    public String code;
}
