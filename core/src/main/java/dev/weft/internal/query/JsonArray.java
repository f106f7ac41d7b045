package dev.weft.internal.query;

import dev.weft.QueryException;
import dev.weft.internal.types.ColumnType;

import java.util.List;

/** Writes values as a JSON array of what SQLite stores for them, to bind a long list as one parameter. */
final class JsonArray {

    private JsonArray() {
    }

    static String of(ColumnType type, List<?> values) {
        StringBuilder json = new StringBuilder(values.size() * 8).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            Object stored = type.stored(values.get(i));
            if (stored instanceof Long || stored instanceof Double d && Double.isFinite(d)) {
                json.append(stored);
            } else if (stored instanceof String text) {
                string(json, text);
            } else {
                throw new QueryException("A list of more than " + ConditionWriter.LARGE_IN_LIST + " values cannot "
                        + "hold " + stored + "; split the list.");
            }
        }
        return json.append(']').toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
