package dev.weft.internal.query;

import dev.weft.Filter;
import dev.weft.QueryException;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.Naming;
import dev.weft.internal.persist.PersistenceContext;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            return conjunction(resolveAll(and.filters()));
        }
        if (filter instanceof Filter.Or or) {
            return disjunction(resolveAll(or.filters()));
        }
        return new Condition.Not(resolve(((Filter.Not) filter).filter()));
    }

    /**
     * One lookup: a path of fields, then optionally a comparison. A path through a to-many relation becomes an
     * {@link Condition.Exists}: a row matches once however many of its related objects do.
     */
    Condition resolve(String lookup, Object value) {
        if (lookup == null) {
            throw new NullPointerException("a lookup on " + meta.name() + " is null; give a field name (\"name\"), "
                    + "a path (\"author__name\") or either with a comparison (\"author__name__startswith\").");
        }
        String[] parts = RelationPath.names(lookup);
        int fieldParts = parts.length;
        Lookup comparison = Lookup.EQ;
        if (parts.length > 1 && Lookup.named(parts[parts.length - 1]) != null) {
            comparison = Lookup.named(parts[parts.length - 1]);
            fieldParts--;
        }
        RelationPath path = RelationPath.read(meta, lookup, parts, fieldParts);
        List<Hop> hops = new ArrayList<>(path.hops());
        ColumnProperty column;
        EntityMeta entities = null; // whose objects the value may be, standing for their ids
        if (path.end() instanceof ColumnProperty end) {
            column = keyInsteadOfJoin(hops, end);
        } else {
            // A path that ends at a relation compares the related object's id.
            hops.add(Hop.of(path.end()));
            column = hops.get(hops.size() - 1).to().id();
        }
        Hop last = hops.isEmpty() ? null : hops.get(hops.size() - 1);
        boolean nullTest = comparison == Lookup.ISNULL || comparison == Lookup.NOTNULL
                || value == null && (comparison == Lookup.EQ || comparison == Lookup.NE);
        if (nullTest && last != null && last.toMany() && column == last.to().id()) {
            // A related row's id is never NULL: "is there one", as a to-one relation compared with null means "none".
            boolean none = value == null ? comparison == Lookup.EQ
                    : (comparison == Lookup.ISNULL) == (Boolean) checkedValue(lookup, column, null, comparison, value);
            Condition some = along(hops, null, null, null);
            return none ? new Condition.Not(some) : some;
        }
        if (column instanceof ForeignKeyProperty fk) {
            entities = fk.target();
        } else if (!hops.isEmpty() && column == hops.get(hops.size() - 1).to().id()) {
            entities = hops.get(hops.size() - 1).to();
        }
        if (entities != null && comparison.matchesText()) {
            throw new QueryException("\"" + lookup + "\" on " + meta.name() + " matches text against a relation ("
                    + entities.name() + " ids); name a field of " + entities.name() + " before '"
                    + parts[parts.length - 1] + "', such as " + String.join("__", Arrays.copyOf(parts, fieldParts))
                    + "__<field>__" + parts[parts.length - 1] + ".");
        }
        return along(hops, column, comparison, checkedValue(lookup, column, entities, comparison, value));
    }

    /** An order term: a column of the entity or of one reached through to-one relations. */
    OrderTerm orderTerm(String field) {
        if (field == null) {
            throw new NullPointerException("order(...) on " + meta.name() + " got a null field; give a field name "
                    + "(\"name\", \"-name\" for descending) or a to-one path (\"author__name\").");
        }
        boolean descending = field.startsWith("-");
        String name = descending ? field.substring(1) : field;
        String[] parts = RelationPath.names(name);
        RelationPath path = RelationPath.read(meta, field, parts, parts.length);
        for (Hop hop : path.hops()) {
            refuseToManyOrder(field, hop);
        }
        Hop endsAt = Hop.of(path.end()); // a path that ends at a relation is refused: at a to-many, as a to-many
        if (endsAt != null) {
            refuseToManyOrder(field, endsAt);
        }
        if (!(path.end() instanceof ColumnProperty end)) {
            throw new QueryException("order(\"" + field + "\") on " + meta.name() + ": " + path.end().qualifiedName()
                    + " is a relation without a column; order by one of its fields (" + name + "__<field>).");
        }
        List<Hop> hops = new ArrayList<>(path.hops());
        ColumnProperty column = keyInsteadOfJoin(hops, end);
        return new OrderTerm(List.copyOf(hops), column, descending);
    }

    private void refuseToManyOrder(String field, Hop hop) {
        if (hop.toMany()) {
            throw new QueryException("order(\"" + field + "\") on " + meta.name() + ": " + hop
                    + " is a to-many relation, so a row would have many values to order by; order by a to-one path, "
                    + "or query " + hop.to().name() + " instead.");
        }
    }

    /** {@code author__id} is the key column {@code author}: no join needed. */
    private static ColumnProperty keyInsteadOfJoin(List<Hop> hops, ColumnProperty end) {
        if (!hops.isEmpty() && hops.get(hops.size() - 1).relation() instanceof ForeignKeyProperty fk
                && end == fk.target().id()) {
            hops.remove(hops.size() - 1);
            return fk;
        }
        return end;
    }

    /**
     * The comparison at the end of {@code hops}: joined along their to-one relations, and inside an
     * {@link Condition.Exists} for each to-many one. A {@code null} column asks only that related objects exist.
     */
    private static Condition along(List<Hop> hops, ColumnProperty column, Lookup lookup, Object value) {
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).toMany()) {
                List<Hop> rest = hops.subList(i + 1, hops.size());
                Condition inner = column == null && rest.isEmpty() ? null : along(rest, column, lookup, value);
                return new Condition.Exists(List.copyOf(hops.subList(0, i)), hops.get(i), inner);
            }
        }
        return new Condition.Comparison(List.copyOf(hops), column, lookup, value);
    }

    /**
     * All of {@code parts}; those about the same to-many relation become one condition, so that one related
     * object must satisfy them together ({@code Filter.and} over {@code books__...}).
     */
    static Condition conjunction(List<Condition> parts) {
        List<Condition> flat = new ArrayList<>();
        for (Condition part : parts) {
            if (part instanceof Condition.All all) {
                flat.addAll(all.conditions());
            } else {
                flat.add(part);
            }
        }
        List<Condition> merged = new ArrayList<>(flat.size());
        Map<Object, Integer> byScope = new HashMap<>();
        for (Condition part : flat) {
            if (part instanceof Condition.Exists exists) {
                Integer earlier = byScope.putIfAbsent(exists.scope(), merged.size());
                if (earlier != null) {
                    Condition.Exists first = (Condition.Exists) merged.get(earlier);
                    Condition both = first.condition() == null ? exists.condition()
                            : exists.condition() == null ? first.condition()
                            : conjunction(List.of(first.condition(), exists.condition()));
                    merged.set(earlier, new Condition.Exists(first.path(), first.relation(), both));
                    continue;
                }
            }
            merged.add(part);
        }
        return merged.size() == 1 ? merged.get(0) : new Condition.All(List.copyOf(merged));
    }

    /**
     * Any of {@code parts}. Where all are about the same to-many relation, one condition on it, so that it
     * can join the other parts of an enclosing {@code Filter.and} on the same related object.
     */
    private static Condition disjunction(List<Condition> parts) {
        if (parts.size() > 1 && parts.stream().allMatch(p -> p instanceof Condition.Exists e
                && e.scope().equals(((Condition.Exists) parts.get(0)).scope()))) {
            List<Condition> inner = new ArrayList<>(parts.size());
            for (Condition part : parts) {
                Condition.Exists exists = (Condition.Exists) part;
                if (exists.condition() == null) {
                    return exists;
                }
                inner.add(exists.condition());
            }
            Condition.Exists first = (Condition.Exists) parts.get(0);
            return new Condition.Exists(first.path(), first.relation(), new Condition.Any(List.copyOf(inner)));
        }
        return new Condition.Any(parts);
    }

    private List<Condition> resolveAll(List<Filter> filters) {
        List<Condition> conditions = new ArrayList<>(filters.size());
        for (Filter filter : filters) {
            conditions.add(resolve(filter));
        }
        return List.copyOf(conditions);
    }

    private Object checkedValue(String lookup, ColumnProperty column, EntityMeta entities, Lookup comparison,
                                Object value) {
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
                    converted.add(element == null ? null : scalar(lookup, column, entities, element));
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
                return List.of(scalar(lookup, column, entities, bounds.get(0)), scalar(lookup, column, entities, bounds.get(1)));
            }
            case STARTSWITH, ENDSWITH, CONTAINS, ISTARTSWITH, IENDSWITH, ICONTAINS, LIKE -> {
                if (!(value instanceof String) && !(value instanceof Character)) {
                    throw wrongValue(lookup, value, "a text value");
                }
                return value.toString();
            }
            case EQ, NE -> {
                return value == null ? null : scalar(lookup, column, entities, value);
            }
            default -> {
                if (value == null) {
                    throw wrongValue(lookup, null, "a non-null value (use __isnull to find NULLs)");
                }
                return scalar(lookup, column, entities, value);
            }
        }
    }

    /** A single value converted to what the column stores: an object of {@code entities} becomes its id. */
    private Object scalar(String lookup, ColumnProperty column, EntityMeta entities, Object value) {
        if (value instanceof Collection<?> || value.getClass().isArray() && !(value instanceof byte[])) {
            throw wrongValue(lookup, value, "a single value, not a list");
        }
        if (entities != null && entities.type().isInstance(value)) {
            Object id = entities.idOf(value);
            String owner = context.otherOwner(value);
            if (owner != null) {
                throw new QueryException("\"" + lookup + "\" compares with " + entities.name() + "#" + id
                        + ", which belongs to " + owner + " (still open), not to this query's; its id there says "
                        + "nothing of the rows here. Compare with an object of this Database, or with an id.");
            }
            if (context.isNew(value) || entities.isUnsetId(id)) {
                throw new QueryException("\"" + lookup + "\" compares with " + Naming.withArticle(entities.name())
                        + " that was never saved; save it first.");
            }
            return id;
        }
        Class<?> expected = column.type().javaType();
        if (!accepts(expected, value)) {
            String wanted = entities != null
                    ? Naming.withArticle(entities.name()) + " or its id (" + expected.getSimpleName() + ")"
                    : "a value of type " + expected.getSimpleName();
            throw wrongValue(lookup, value, wanted);
        }
        if (!(value instanceof Number number)) {
            return value;
        }
        Object narrowed = asType(box(expected), number);
        if (!(narrowed instanceof Double || narrowed instanceof Float)
                && ((Number) narrowed).longValue() != number.longValue()) {
            // narrowed silently, it would compare with (or store) another number than the one given
            throw wrongValue(lookup, value, "a value that fits " + column.qualifiedName() + " (" + expected.getName()
                    + ": " + rangeOf(box(expected)) + ")");
        }
        return narrowed;
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

    private static String rangeOf(Class<?> integralBox) {
        if (integralBox == Integer.class) {
            return Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (integralBox == Short.class) {
            return Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        return integralBox == Byte.class ? Byte.MIN_VALUE + " to " + Byte.MAX_VALUE
                : Long.MIN_VALUE + " to " + Long.MAX_VALUE;
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
