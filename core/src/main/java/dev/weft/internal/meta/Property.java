package dev.weft.internal.meta;

import java.lang.reflect.Field;

/** A persistent field of an entity: a column, a foreign key, or a collection or inverse relation. */
public abstract class Property {

    private final String name;
    private final Field field;
    private final int slot;
    private EntityMeta owner;

    Property(Field field, int slot) {
        this.name = field.getName();
        this.field = field;
        this.slot = slot;
    }

    /** The field's name, as lookups and messages spell it. */
    public String name() {
        return name;
    }

    public Field field() {
        return field;
    }

    /** The field's slot in {@link EntityAccess}. */
    public int slot() {
        return slot;
    }

    public EntityMeta owner() {
        return owner;
    }

    void owner(EntityMeta owner) {
        this.owner = owner;
    }

    /** {@code Book.author}, for messages. */
    public String qualifiedName() {
        return owner.name() + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
