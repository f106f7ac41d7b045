package dev.weft;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A live relation: the objects on the other side of a one-to-many or many-to-many relation of one
 * owner. Changes write the relation at once ({@code add} writes the foreign key or the junction row),
 * and queries run scoped to the owner.
 *
 * @param <E> the element entity type
 */
public interface RelationSet<E> extends Collection<E> {

    /** Adds one or more objects to the relation, writing it at once; links that exist are left as they are. */
    @SuppressWarnings("unchecked")
    boolean add(E first, E... more);

    /** Makes the relation hold exactly {@code elements}. */
    void set(Collection<? extends E> elements);

    /** A query over the related objects only. */
    Query<E> query();

    /** {@code query().filter(lookup, value)}. */
    Query<E> filter(String lookup, Object value);

    /** {@code query().order(fields)}. */
    Query<E> order(String... fields);

    /** How many objects are related, counted by the database unless they are already loaded. */
    long count();

    /** Whether any object is related. */
    boolean exists();

    /** Every related object. */
    List<E> fetchAll();

    /** The first related object in the relation's order, if any. */
    Optional<E> fetchFirst();

    /** Forgets what was loaded, so the next read asks the database again. */
    void refresh();
}
