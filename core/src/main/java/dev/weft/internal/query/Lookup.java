package dev.weft.internal.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** The comparisons a lookup can end with ({@code title__startswith}). */
enum Lookup {
    EQ("eq"), NE("ne"), GT("gt"), GE("ge", "gte"), LT("lt"), LE("le", "lte"),
    IN("in"), NOT_IN("not_in"), ISNULL("isnull"), NOTNULL("notnull"),
    STARTSWITH("startswith"), ENDSWITH("endswith"), CONTAINS("contains"),
    ISTARTSWITH("istartswith"), IENDSWITH("iendswith"), ICONTAINS("icontains"),
    LIKE("like"), BETWEEN("between");

    private static final Map<String, Lookup> BY_NAME = new LinkedHashMap<>();

    static {
        for (Lookup lookup : values()) {
            for (String name : lookup.names) {
                BY_NAME.put(name, lookup);
            }
        }
    }

    private final String[] names;

    Lookup(String... names) {
        this.names = names;
    }

    /** Whether the lookup matches text patterns, which mean nothing for ids. */
    boolean matchesText() {
        return switch (this) {
            case STARTSWITH, ENDSWITH, CONTAINS, ISTARTSWITH, IENDSWITH, ICONTAINS, LIKE -> true;
            default -> false;
        };
    }

    static Lookup named(String name) {
        return BY_NAME.get(name);
    }

    static String allNames() {
        return String.join(", ", BY_NAME.keySet());
    }
}
