package dev.weft.internal.query;

import dev.weft.Filter;
import dev.weft.QueryException;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.Property;
import dev.weft.internal.persist.PersistenceContext;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks lookups and filters against an entity when they are given, so that a wrong name or value fails
 * at the call that names it, and converts values to what the column stores.
 */
final class ConditionResolver {

    private final EntityMeta meta;
    private final PersistenceContext context;

    ConditionResolver(EntityMeta meta, PersistenceContext context) {
        this.meta = meta;
        this.context = context;
    }

    Condition resolve(Filter filter) {
        if (filter instanceof Filter.Where where) {
            return resolve(where.lookup(), where.value());
        }
        if (filter instanceof Filter.And and) {
            return new Condition.All(resolveAll(and.filters()));
        }
        if (filter instanceof Filter.Or or) {
            return new Condition.Any(resolveAll(or.filters()));
        }
        return new Condition.Not(resolve(((Filter.Not) filter).filter()));
    }

    Condition resolve(String lookup, Object value) {
        String[] parts = lookup.split("__", -1);
        int fieldParts = parts.length;
        Lookup comparison = Lookup.EQ;
        if (parts.length > 1 && Lookup.named(parts[parts.length - 1]) != null) {
            comparison = Lookup.named(parts[parts.length - 1]);
            fieldParts--;
        }
        ColumnProperty column = column(lookup, parts, fieldParts);
        return new Condition.Comparison(column, comparison, checkedValue(lookup, column, comparison, value));
    }

    /** The column an order term or lookup names. */
    ColumnProperty column(String lookup, String[] parts, int fieldParts) {
        Property property = meta.property(parts[0]);
        if (property == null) {
            throw new QueryException("Unknown field '" + parts[0] + "' in \"" + lookup + "\": " + meta.name()
                    + " has " + String.join(", ", meta.properties().keySet()) + ".");
        }
        if (!(property instanceof ColumnProperty column)) {
            throw new QueryException("\"" + lookup + "\": " + property.qualifiedName() + " is a collection; filter "
                    + "across it with a path such as " + parts[0] + "__<field> (relation paths arrive with Weft's "
                    + "relation queries), or query " + meta.name() + " through db.related(...).");
        }
        if (fieldParts == 1) {
            return column;
        }
        if (column instanceof ForeignKeyProperty fk && fieldParts == 2
                && parts[1].equals(fk.target().id().name())) {
            return column;
        }
        if (column instanceof ForeignKeyProperty fk && fieldParts == 2 && fk.target().property(parts[1]) == null) {
            throw new QueryException("Unknown field '" + parts[1] + "' in \"" + lookup + "\": " + fk.target().name()
                    + " has " + String.join(", ", fk.target().properties().keySet()) + ".");
        }
        if (column instanceof ForeignKeyProperty) {
            throw new QueryException("\"" + lookup + "\" filters across the relation " + column.qualifiedName()
                    + "; this version of Weft filters a relation by its key only (" + parts[0] + ", " + parts[0]
                    + "__in, " + parts[0] + "__isnull).");
        }
        throw new QueryException("Unknown lookup '" + parts[fieldParts - 1] + "' in \"" + lookup + "\": "
                + column.qualifiedName() + " is not a relation, and the lookups are " + Lookup.allNames() + ".");
    }

    private List<Condition> resolveAll(List<Filter> filters) {
        List<Condition> conditions = new ArrayList<>(filters.size());
        for (Filter filter : filters) {
            conditions.add(resolve(filter));
        }
        return List.copyOf(conditions);
    }

    private Object checkedValue(String lookup, ColumnProperty column, Lookup comparison, Object value) {
        switch (comparison) {
            case ISNULL, NOTNULL -> {
                if (!(value instanceof Boolean)) {
                    throw wrongValue(lookup, value, "true or false");
                }
                return value;
            }
            case IN, NOT_IN -> {
                List<Object> values = listOf(lookup, value, "a collection or array of values");
                List<Object> converted = new ArrayList<>(values.size());
                for (Object element : values) {
                    converted.add(element == null ? null : scalar(lookup, column, element));
                }
                if (converted.size() > ConditionWriter.LARGE_IN_LIST && column.type().javaType() == byte[].class) {
                    throw new QueryException("\"" + lookup + "\" has " + converted.size() + " byte[] values; lists of "
                            + "more than " + ConditionWriter.LARGE_IN_LIST + " go as one JSON parameter, which cannot "
                            + "hold bytes: split the list.");
                }
                return converted;
            }
            case BETWEEN -> {
                List<Object> bounds = listOf(lookup, value, "a list of two values, low and high");
                if (bounds.size() != 2 || bounds.contains(null)) {
                    throw wrongValue(lookup, value, "a list of two non-null values, low and high");
                }
                return List.of(scalar(lookup, column, bounds.get(0)), scalar(lookup, column, bounds.get(1)));
            }
            case STARTSWITH, ENDSWITH, CONTAINS, ISTARTSWITH, IENDSWITH, ICONTAINS, LIKE -> {
                if (!(value instanceof String) && !(value instanceof Character)) {
                    throw wrongValue(lookup, value, "a text value");
                }
                return value.toString();
            }
            case EQ, NE -> {
                return value == null ? null : scalar(lookup, column, value);
            }
            default -> {
                if (value == null) {
                    throw wrongValue(lookup, null, "a non-null value (use __isnull to find NULLs)");
                }
                return scalar(lookup, column, value);
            }
        }
    }

    /** A single value converted to what the column stores: an entity becomes its id. */
    private Object scalar(String lookup, ColumnProperty column, Object value) {
        if (value instanceof Collection<?> || value.getClass().isArray() && !(value instanceof byte[])) {
            throw wrongValue(lookup, value, "a single value, not a list");
        }
        if (column instanceof ForeignKeyProperty fk && fk.targetType().isInstance(value)) {
            Object id = fk.target().idOf(value);
            if (context.isNew(value) || fk.target().isUnsetId(id)) {
                throw new QueryException("\"" + lookup + "\" compares with a " + fk.target().name()
                        + " that was never saved; save it first.");
            }
            return id;
        }
        Class<?> expected = column.type().javaType();
        if (!accepts(expected, value)) {
            String wanted = column instanceof ForeignKeyProperty fk
                    ? "a " + fk.target().name() + " or its id (" + expected.getSimpleName() + ")"
                    : "a value of type " + expected.getSimpleName();
            throw wrongValue(lookup, value, wanted);
        }
        return value instanceof Number number ? asType(box(expected), number) : value;
    }

    private static boolean accepts(Class<?> expected, Object value) {
        Class<?> box = box(expected);
        if (box.isInstance(value)) {
            return true;
        }
        if (box == Long.class || box == Integer.class || box == Short.class || box == Byte.class) {
            return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
        }
        if (box == Double.class || box == Float.class) {
            return value instanceof Number;
        }
        return false;
    }

    /** A number as the field's own box type, so that it can be stored in the field as it is. */
    private static Object asType(Class<?> box, Number number) {
        if (box == Long.class) {
            return number.longValue();
        }
        if (box == Integer.class) {
            return number.intValue();
        }
        if (box == Short.class) {
            return number.shortValue();
        }
        if (box == Byte.class) {
            return number.byteValue();
        }
        if (box == Double.class) {
            return number.doubleValue();
        }
        if (box == Float.class) {
            return number.floatValue();
        }
        return number;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return Array.get(Array.newInstance(type, 1), 0).getClass();
    }

    private List<Object> listOf(String lookup, Object value, String wanted) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return list;
        }
        throw wrongValue(lookup, value, wanted);
    }

    private QueryException wrongValue(String lookup, Object value, String wanted) {
        String shown = value == null ? "null"
                : value instanceof Collection<?> ? "the list " + value
                : value.getClass().isArray() ? "an array" : value.getClass().getSimpleName() + " " + value;
        return new QueryException("\"" + lookup + "\" on " + meta.name() + " needs " + wanted + ", not " + shown + ".");
    }
}
