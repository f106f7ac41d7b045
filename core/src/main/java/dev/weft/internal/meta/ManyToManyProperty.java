package dev.weft.internal.meta;

import java.lang.reflect.Field;

/** One side of a many-to-many relation through a junction table. */
public final class ManyToManyProperty extends Property {

    private final Class<?> targetType;
    private final CollectionKind kind;
    private final String through;
    private final String backref;
    private final String mappedByName;
    private final String joinColumn;
    private final String inverseJoinColumn;
    private boolean owning;
    private JunctionTable junction;
    private ManyToManyProperty counterpart;
    private EntityMeta target;

    ManyToManyProperty(Field field, int slot, Class<?> targetType, CollectionKind kind, String through,
                       String backref, String mappedByName, String joinColumn, String inverseJoinColumn) {
        super(field, slot);
        this.targetType = targetType;
        this.kind = kind;
        this.through = through;
        this.backref = backref;
        this.mappedByName = mappedByName;
        this.joinColumn = joinColumn;
        this.inverseJoinColumn = inverseJoinColumn;
    }

    public Class<?> targetType() {
        return targetType;
    }

    public EntityMeta target() {
        return target;
    }

    void target(EntityMeta target) {
        this.target = target;
    }

    public CollectionKind kind() {
        return kind;
    }

    /** Whether this side declares the junction table. */
    public boolean owning() {
        return owning;
    }

    void owning(boolean owning) {
        this.owning = owning;
    }

    public JunctionTable junction() {
        return junction;
    }

    void junction(JunctionTable junction) {
        this.junction = junction;
    }

    /** The other side's field, where the other class declares one; may be null. */
    public ManyToManyProperty counterpart() {
        return counterpart;
    }

    void counterpart(ManyToManyProperty counterpart) {
        this.counterpart = counterpart;
    }

    /** The junction column that holds this side's owner id. */
    public String ownerColumn() {
        return owning ? junction.ownerColumn() : junction.targetColumn();
    }

    /** The junction column that holds the element id. */
    public String elementColumn() {
        return owning ? junction.targetColumn() : junction.ownerColumn();
    }

    String through() {
        return through;
    }

    String backref() {
        return backref;
    }

    String mappedByName() {
        return mappedByName;
    }

    String joinColumn() {
        return joinColumn;
    }

    String inverseJoinColumn() {
        return inverseJoinColumn;
    }
}
