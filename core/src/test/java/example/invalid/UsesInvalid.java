package example.invalid;

/** Reads a field of an entity that the enhancer refuses. */
public final class UsesInvalid {
    private UsesInvalid() {
    }

    public static long idOf(FinalFieldEntity entity) {
        return entity.id;
    }
}
