package dev.weft;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A query over the rows of one entity. Queries are immutable: every method that refines a query
 * returns a new one, so a query can be kept, shared between threads and refined in several ways.
 * Nothing runs until a terminal method ({@code fetchAll}, {@code count}, {@code delete} ...) is called.
 *
 * <p>Lookups name a field, optionally followed by {@code __} and a comparison: {@code eq} (the
 * default), {@code ne}, {@code gt}, {@code ge}/{@code gte}, {@code lt}, {@code le}/{@code lte},
 * {@code in}, {@code not_in}, {@code isnull}, {@code notnull}, {@code startswith}, {@code endswith},
 * {@code contains} (case-sensitive), {@code istartswith}, {@code iendswith}, {@code icontains}
 * (case-insensitive, Unicode-aware), {@code like} and {@code between}. Every value is bound as a
 * parameter, never written into the SQL.
 *
 * <p>The field may be reached across relations, to any depth: {@code author__name},
 * {@code profile__bio__icontains}, {@code books__title__startswith}, {@code categories__name__in}. A path through
 * a one-to-many or many-to-many relation matches a row once however many related objects match; each
 * {@code filter} call is its own condition, while the parts of one {@link Filter#and} must hold for the same
 * related object, and {@code exclude} means that no related object matches. A path that ends at a relation
 * compares ids ({@code filter("author", author)}); {@code isnull} asks whether anything is related.
 *
 * @param <T> the entity type
 */
public interface Query<T> {

    /**
     * Keeps the rows for which the lookup holds.
     *
     * @throws QueryException if the lookup names an unknown field or comparison, or the value has the wrong
     *     shape for it (a list for {@code gt}, a single value for {@code in})
     */
    Query<T> filter(String lookup, Object value);

    /**
     * Keeps the rows for which the filter holds.
     *
     * @throws QueryException if the filter names an unknown field or comparison
     */
    Query<T> filter(Filter filter);

    /**
     * Leaves out the rows for which the lookup holds; rows where it is unknown because of a {@code NULL}
     * are kept, so {@code exclude} is the exact complement of {@code filter}.
     *
     * @throws QueryException as for {@link #filter(String, Object)}
     */
    Query<T> exclude(String lookup, Object value);

    /**
     * Leaves out the rows for which the filter holds.
     *
     * @throws QueryException as for {@link #filter(Filter)}
     */
    Query<T> exclude(Filter filter);

    /**
     * Orders the rows by fields, each ascending or, prefixed with {@code -}, descending; a field may be reached
     * through to-one relations ({@code "author__name"}). Replaces any earlier order. Without an order, rows come
     * in an order SQLite chooses.
     *
     * @throws QueryException if a name is not a field of the entity, or a path goes through a to-many relation
     */
    Query<T> order(String... fields);

    /**
     * Loads the objects at the end of each to-one path in the same statement, with JOINs (a LEFT JOIN where the
     * path may end in nothing), so that reading them needs no further query: {@code selectRelated("author")},
     * {@code selectRelated("author__publisher")}, and the inverse side of a one-to-one ({@code "profile"}). Each
     * related row becomes its object once, through the identity map; objects already loaded keep their state.
     *
     * @throws QueryException if a path names an unknown field, a field that is not a relation, or a to-many
     *     relation (load those with {@link #prefetchRelated})
     */
    Query<T> selectRelated(String... paths);

    /**
     * After the rows are read, loads the relations each path names with one statement per level, whatever the
     * number of rows: one-to-many and many-to-many collections ({@code "books"}, {@code "categories"}), to-one
     * relations, and paths through them nested with {@code __} ({@code "books__categories"}). A collection loaded
     * this way answers iteration, {@code size}, {@code count}, {@code exists} and {@code fetchAll} from memory.
     * Relations already loaded are kept as they are, with their changes in memory.
     *
     * @throws QueryException if a path names an unknown field or a field that is not a relation
     */
    Query<T> prefetchRelated(String... paths);

    /** Returns at most {@code limit} rows. */
    Query<T> limit(long limit);

    /** Skips the first {@code offset} rows. */
    Query<T> offset(long offset);

    /** Runs the query and returns every row it matches. */
    List<T> fetchAll();

    /** The first row in the query's order (by id when it has none), if any. */
    Optional<T> fetchFirst();

    /** The last row in the query's order (by id when it has none), if any. */
    Optional<T> fetchLast();

    /**
     * The single row the query matches, if any.
     *
     * @throws MultipleResultsException if it matches more than one row
     */
    Optional<T> fetchOne();

    /**
     * The single row the query matches.
     *
     * @throws NotFoundException if it matches none
     * @throws MultipleResultsException if it matches more than one
     */
    T get();

    /** How many rows the query matches (limit and offset applied). */
    long count();

    /** Whether the query matches any row. */
    boolean exists();

    /**
     * Deletes the rows the query matches, honouring the {@code onDelete} actions of the foreign keys that
     * reference them, and returns how many rows of this entity were deleted.
     *
     * @throws RestrictViolationException if a RESTRICT foreign key references one of them; nothing is deleted
     */
    long delete();

    /**
     * Sets fields of every row the query matches to the given values and returns how many rows changed.
     * Objects already loaded in memory take the new values too, unless the field was changed in memory.
     *
     * @throws QueryException if a key is not a field of the entity or a value has the wrong type
     * @throws IntegrityException if the new values break a constraint; nothing is changed
     */
    long update(Map<String, ?> values);

    /**
     * Streams the rows, reading them in pages of a thousand as the stream is consumed, so that a large
     * result never sits in memory whole: only the ids of the matching rows do, read in the query's order
     * (with the id as the last key) when the stream starts. Pages neither skip nor repeat a row while the
     * consumer saves or deletes; a row deleted meanwhile is left out, and so is one saved so that it no longer
     * matches the filter before its page was read (a page's rows are read together, so a change to a row of the
     * page being consumed does not take it out). No connection is held between pages: the stream may be dropped
     * unfinished.
     */
    Stream<T> stream();
}
