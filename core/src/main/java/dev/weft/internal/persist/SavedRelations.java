package dev.weft.internal.persist;

import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Property;

import java.util.Collection;
import java.util.List;

/**
 * What a committed save did to relations, for the objects in memory to follow: the collections of new owners, the
 * keys it set, and the junction rows it wrote.
 *
 * @param collections the collection fields (and inverse one-to-one fields) of the new owners it inserted
 * @param keys        the foreign keys it wrote for the first time or changed on the application's behalf
 * @param links       the junction rows it wrote for new owners' many-to-many collections
 */
public record SavedRelations(List<NewCollection> collections, List<KeyMove> keys, List<Link> links) {

    /**
     * A relation field of a new owner and the elements it held when it was saved; {@code value} is what the field
     * held, for a rolled-back save to put back.
     */
    public record NewCollection(Object owner, Property property, Collection<?> elements, Object value) {
    }

    /** A foreign key of {@code entity} that now points at {@code to} instead of {@code from}. */
    public record KeyMove(Object entity, ForeignKeyProperty key, Object from, Object to) {
    }

    /** A junction row linking {@code element} to {@code owner} through {@code property}. */
    public record Link(ManyToManyProperty property, Object owner, Object element) {
    }
}
