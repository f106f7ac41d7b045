package dev.weft.test.invalid;

import dev.weft.Entity;

/** An entity extending another entity (only @MappedSuperclass may be extended). */
@Entity
public class EntityExtendingEntity extends BaseEntity {
    public String extra;
}
