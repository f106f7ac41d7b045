package dev.weft.internal.meta;

/** Derives names from Java names: SQL names, and the words messages use. */
public final class Naming {

    private Naming() {
    }

    /**
     * A class name with its indefinite article, for messages: {@code an Author}, {@code a Book}. By the first
     * letter; {@code U} takes {@code a}, as most class names starting with it sound ({@code a User}).
     */
    public static String withArticle(String name) {
        char first = name.isEmpty() ? 'x' : Character.toUpperCase(name.charAt(0));
        return ("AEIO".indexOf(first) >= 0 ? "an " : "a ") + name;
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
