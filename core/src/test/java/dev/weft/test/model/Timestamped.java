package dev.weft.test.model;

import dev.weft.Id;
import dev.weft.MappedSuperclass;

import java.time.Instant;

/** Persistent id and timestamp for every entity that extends it; no table of its own. */
@MappedSuperclass
public abstract class Timestamped {
    @Id public long id;
    public Instant createdAt;
}
