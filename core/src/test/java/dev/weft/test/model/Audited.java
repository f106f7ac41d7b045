package dev.weft.test.model;

import dev.weft.Id;
import dev.weft.MappedSuperclass;
import dev.weft.Model;

import java.time.Instant;

/** A generic mapped superclass between {@link Model} and its entities: the id and a timestamp. */
@MappedSuperclass
public abstract class Audited<T extends Audited<T>> extends Model<T> {
    @Id public long id;
    public Instant createdAt;
}
