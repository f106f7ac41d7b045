package dev.weft;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The query over every row of one entity in the default database ({@link Database#setDefault}), to keep in a
 * static field of the entity: the active-record style.
 *
 * <pre>{@code
 * public static final Finder<Book> objects = Finder.of(Book.class);
 *
 * Book.objects.filter("author__name", "John Doe").order("title").fetchAll();
 * Book.objects.get(42L);
 * }</pre>
 *
 * <p>A {@code Finder} holds only the entity class: every method looks the default database up when it is
 * called, so a finder created before {@code setDefault} works, and follows the default database when it
 * changes. Each method is that of {@code Database.getDefault().select(type)}; the refining methods
 * ({@code filter}, {@code order} ...) return that ordinary {@link Query}, which stays bound to the database that
 * was the default when it was made. Every method throws {@link WeftException} if no default database is set.
 *
 * @param <T> the entity type
 */
public final class Finder<T> implements Query<T> {

    private final Class<T> type;

    private Finder(Class<T> type) {
        this.type = type;
    }

    /** The finder of the entity class {@code type}. */
    public static <T> Finder<T> of(Class<T> type) {
        return new Finder<>(Objects.requireNonNull(type, "type"));
    }

    /** The entity class this finder queries. */
    public Class<T> type() {
        return type;
    }

    /**
     * The object with the given id; {@code Database.getDefault().get(type, id)}, see {@link Database#get}.
     *
     * @throws NotFoundException if there is no such row
     * @throws WeftException if no default database is set
     */
    public T get(Object id) {
        return Database.getDefault().get(type, id);
    }

    /**
     * The object with the given id, if there is such a row; {@code Database.getDefault().find(type, id)}.
     *
     * @throws WeftException if no default database is set
     */
    public Optional<T> find(Object id) {
        return Database.getDefault().find(type, id);
    }

    /**
     * Every row; the same as {@link #fetchAll()}.
     *
     * @throws WeftException if no default database is set
     */
    public List<T> all() {
        return fetchAll();
    }

    /** The query this finder stands for at the moment of the call. */
    private Query<T> query() {
        return Database.getDefault().select(type);
    }

    @Override
    public Query<T> filter(String lookup, Object value) {
        return query().filter(lookup, value);
    }

    @Override
    public Query<T> filter(Filter filter) {
        return query().filter(filter);
    }

    @Override
    public Query<T> exclude(String lookup, Object value) {
        return query().exclude(lookup, value);
    }

    @Override
    public Query<T> exclude(Filter filter) {
        return query().exclude(filter);
    }

    @Override
    public Query<T> selectRelated(String... paths) {
        return query().selectRelated(paths);
    }

    @Override
    public Query<T> prefetchRelated(String... paths) {
        return query().prefetchRelated(paths);
    }

    @Override
    public Query<T> order(String... fields) {
        return query().order(fields);
    }

    @Override
    public Query<T> limit(long limit) {
        return query().limit(limit);
    }

    @Override
    public Query<T> offset(long offset) {
        return query().offset(offset);
    }

    @Override
    public List<T> fetchAll() {
        return query().fetchAll();
    }

    @Override
    public Optional<T> fetchFirst() {
        return query().fetchFirst();
    }

    @Override
    public Optional<T> fetchLast() {
        return query().fetchLast();
    }

    @Override
    public Optional<T> fetchOne() {
        return query().fetchOne();
    }

    @Override
    public T get() {
        return query().get();
    }

    @Override
    public long count() {
        return query().count();
    }

    @Override
    public boolean exists() {
        return query().exists();
    }

    @Override
    public long delete() {
        return query().delete();
    }

    @Override
    public long update(Map<String, ?> values) {
        return query().update(values);
    }

    @Override
    public Stream<T> stream() {
        return query().stream();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Finder<?> finder && finder.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return "Finder.of(" + type.getName() + ")";
    }
}
