package dev.weft.internal.meta;

/** Derives names from Java names: SQL names, and the words messages use. */
public final class Naming {

    private Naming() {
    }

    /**
     * A class name with its indefinite article, for messages: {@code an Author}, {@code a Book}. A guess by the
     * first letter, right for most names ({@code U} takes {@code a}, as in {@code a User}) and wrong for some
     * ({@code a XmlDoc}); a message reads well either way.
     */
    public static String withArticle(String name) {
        char first = name.isEmpty() ? 'x' : Character.toUpperCase(name.charAt(0));
        return ("AEIO".indexOf(first) >= 0 ? "an " : "a ") + name;
    }

    /**
     * The name of an object's class for a message that names {@code expected} beside it: the simple name, or the
     * full one where the simple name is empty (an anonymous class) or the same as the expected type's.
     */
    public static String className(Object object, Class<?> expected) {
        Class<?> type = object.getClass();
        String simple = type.getSimpleName();
        boolean ambiguous = simple.isEmpty() || (type != expected && simple.equals(expected.getSimpleName()));
        return ambiguous ? type.getName() : simple;
    }

    /**
     * {@code publishedDate} becomes {@code published_date}, {@code BookReview} becomes {@code book_review},
     * {@code URLPath} becomes {@code url_path}.
     */
    public static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 8);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1)) && javaName.charAt(i - 1) != '_';
                boolean endOfAcronym = i > 0 && Character.isUpperCase(javaName.charAt(i - 1))
                        && i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (afterLower || endOfAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
