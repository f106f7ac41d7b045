package dev.weft.internal.meta;

import java.lang.reflect.Field;

/**
 * The inverse side of a foreign key, with no column of its own: a one-to-many collection
 * ({@code author.books}) or the single object of an inverse one-to-one ({@code user.profile}).
 */
public final class InverseProperty extends Property {

    private final Class<?> targetType;
    private final CollectionKind kind;
    private final String mappedByName;
    private final String orderBy;
    private ForeignKeyProperty mappedBy;

    InverseProperty(Field field, int slot, Class<?> targetType, CollectionKind kind, String mappedByName, String orderBy) {
        super(field, slot);
        this.targetType = targetType;
        this.kind = kind;
        this.mappedByName = mappedByName;
        this.orderBy = orderBy;
    }

    public Class<?> targetType() {
        return targetType;
    }

    /** The collection type, or {@code null} for the single object of an inverse one-to-one. */
    public CollectionKind kind() {
        return kind;
    }

    public boolean isCollection() {
        return kind != null;
    }

    /** The foreign key this is the inverse of. */
    public ForeignKeyProperty mappedBy() {
        return mappedBy;
    }

    void mappedBy(ForeignKeyProperty mappedBy) {
        this.mappedBy = mappedBy;
    }

    String mappedByName() {
        return mappedByName;
    }

    /** The declared element order ({@code "-publishedDate"}), or empty. */
    public String orderBy() {
        return orderBy;
    }
}
