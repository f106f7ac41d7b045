package dev.weft.internal.relation;

import dev.weft.internal.meta.CollectionKind;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Property;

import java.util.Arrays;
import java.util.List;

/**
 * One direction of a to-many relation, from the owner to its elements, whether or not the owner's class declares
 * a field for it: the reverse of a foreign key ({@code author → books}), or a junction table read one way
 * ({@code category → books} or {@code book → categories}). Values, so that a side can key an owner's live
 * collections.
 */
sealed interface RelationSide {

    /** The entity whose objects own the relation. */
    EntityMeta owner();

    /** The entity of the elements. */
    EntityMeta element();

    /** The owner's field that holds this side, or {@code null} where the owner's class declares none. */
    Property field();

    /** What the live collection implements. */
    default CollectionKind kind() {
        Property field = field();
        if (field instanceof InverseProperty inverse) {
            return inverse.kind();
        }
        return field instanceof ManyToManyProperty m2m ? m2m.kind() : CollectionKind.LIST;
    }

    /** The declared element order ({@code "-publishedDate"}), empty for none. */
    List<String> order();

    /** {@code Author#1.books}, for messages. */
    default String describe(Object owner) {
        Property field = field();
        return owner().name() + "#" + owner().idOf(owner) + "." + (field != null ? field.name() : label());
    }

    /** How messages name a side that has no field. */
    String label();

    /** The side of the collection field {@code property} declares. */
    static RelationSide of(Property property) {
        if (property instanceof InverseProperty inverse && inverse.isCollection()) {
            return new ReverseKey(inverse.mappedBy());
        }
        if (property instanceof ManyToManyProperty m2m) {
            return new Junction(m2m.junction(), m2m.owning());
        }
        throw new IllegalArgumentException(property + " is not a collection relation");
    }

    /** The objects whose foreign key {@code key} points at the owner. */
    record ReverseKey(ForeignKeyProperty key) implements RelationSide {

        @Override
        public EntityMeta owner() {
            return key.target();
        }

        @Override
        public EntityMeta element() {
            return key.owner();
        }

        @Override
        public Property field() {
            return key.inverse() instanceof InverseProperty inverse && inverse.isCollection() ? inverse : null;
        }

        @Override
        public List<String> order() {
            if (field() instanceof InverseProperty inverse && !inverse.orderBy().isBlank()) {
                return Arrays.stream(inverse.orderBy().split(",")).map(String::trim).toList();
            }
            return List.of();
        }

        @Override
        public String label() {
            return "<" + key.qualifiedName() + " reversed>";
        }
    }

    /**
     * The objects a junction table links to the owner; {@code forward} reads it from its owner column (the side
     * that declares it) to its target column.
     */
    record Junction(JunctionTable table, boolean forward) implements RelationSide {

        @Override
        public EntityMeta owner() {
            return forward ? table.owner() : table.target();
        }

        @Override
        public EntityMeta element() {
            return forward ? table.target() : table.owner();
        }

        String ownerColumn() {
            return forward ? table.ownerColumn() : table.targetColumn();
        }

        String elementColumn() {
            return forward ? table.targetColumn() : table.ownerColumn();
        }

        Junction reverse() {
            return new Junction(table, !forward);
        }

        @Override
        public Property field() {
            for (ManyToManyProperty m2m : owner().manyToMany()) {
                if (m2m.junction().equals(table) && m2m.owning() == forward) {
                    return m2m;
                }
            }
            return null;
        }

        @Override
        public List<String> order() {
            return List.of();
        }

        @Override
        public String label() {
            return "<" + table.table() + ">";
        }
    }
}
