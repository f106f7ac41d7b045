package dev.weft;

import java.util.List;
import java.util.Objects;

/**
 * A condition on the rows of a query, built from lookups and composed with {@link #and}, {@link #or}
 * and {@link #not}. Filters are immutable values with no entity attached: they are checked against the
 * entity when given to {@link Query#filter(Filter)}, which raises {@link QueryException} for a name the
 * entity does not have.
 *
 * <pre>{@code
 * db.select(Book.class).filter(Filter.or(
 *         Filter.where("title__icontains", "java"),
 *         Filter.and(Filter.where("publishedDate__lt", cutoff), Filter.not(Filter.where("author", null)))));
 * }</pre>
 */
public sealed interface Filter permits Filter.Where, Filter.And, Filter.Or, Filter.Not {

    /**
     * One lookup: a field path and a comparison, such as {@code "publishedDate__gt"} or {@code "title"}
     * (equality), with the value it compares against.
     */
    static Filter where(String lookup, Object value) {
        return new Where(lookup, value);
    }

    /** All of the filters hold; on a to-many path, for the same related row. */
    static Filter and(Filter... filters) {
        return new And(List.of(filters));
    }

    /** At least one of the filters holds. */
    static Filter or(Filter... filters) {
        return new Or(List.of(filters));
    }

    /** The filter does not hold: exactly the rows the filter leaves out, rows with {@code NULL}s included. */
    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /** A lookup and its value; see {@link Filter#where}. */
    record Where(String lookup, Object value) implements Filter {
        public Where {
            Objects.requireNonNull(lookup, "lookup");
        }
    }

    /** A conjunction; see {@link Filter#and}. */
    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    /** A disjunction; see {@link Filter#or}. */
    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = List.copyOf(filters);
        }
    }

    /** A negation; see {@link Filter#not}. */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }
    }
}
