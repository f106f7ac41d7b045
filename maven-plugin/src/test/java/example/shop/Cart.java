package example.shop;

/** Reads entity fields directly, as application code may. */
public final class Cart {
    private Cart() {
    }

    public static String describe(Item item) {
        return item.quantity + " x " + item.name;
    }
}
