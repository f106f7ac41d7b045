package dev.weft.test.invalid;

import dev.weft.Entity;

/** No field marked {@code @Id}. */
@Entity
public class NoId {
    public String name;
}
