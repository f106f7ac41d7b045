package dev.weft.internal.query;

import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Property;

/**
 * One relation a path follows: a foreign key ({@code book → author}), the inverse side of a foreign key (a
 * one-to-one {@code user → profile} or a one-to-many {@code author → books}), or a many-to-many
 * ({@code book → categories}). Equal when they follow the same field, so paths can key joins.
 */
record Hop(Property relation) {

    /** The hop along {@code property}, or {@code null} if it is a plain column. */
    static Hop of(Property property) {
        return property instanceof ForeignKeyProperty || property instanceof InverseProperty
                || property instanceof ManyToManyProperty ? new Hop(property) : null;
    }

    EntityMeta from() {
        return relation.owner();
    }

    EntityMeta to() {
        if (relation instanceof ForeignKeyProperty fk) {
            return fk.target();
        }
        if (relation instanceof InverseProperty inverse) {
            return inverse.mappedBy().owner();
        }
        return ((ManyToManyProperty) relation).target();
    }

    /** Whether the hop can reach more than one object: a one-to-many or many-to-many collection. */
    boolean toMany() {
        return relation instanceof ManyToManyProperty
                || relation instanceof InverseProperty inverse && inverse.isCollection();
    }

    /** Whether the hop may reach nothing, so a join along it must keep rows that find no match (LEFT JOIN). */
    boolean optional() {
        return !(relation instanceof ForeignKeyProperty fk) || fk.nullable();
    }

    @Override
    public String toString() {
        return relation.qualifiedName();
    }
}
