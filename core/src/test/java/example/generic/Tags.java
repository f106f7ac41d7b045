package example.generic;

public final class Tags {
    private Tags() {
    }

    public static String labelOf(Tag tag) {
        return tag.label;
    }

    public static void relabel(Tag tag, String label) {
        tag.label = label;
    }
}
