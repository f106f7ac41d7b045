package example.library;

import dev.weft.Id;
import dev.weft.MappedSuperclass;

import java.time.Instant;

/** A mapped superclass: its fields take the first slots of every entity that extends it. */
@MappedSuperclass
public abstract class Timestamped {
    @Id public long id;
    public Instant createdAt;
    public static int created;
}
