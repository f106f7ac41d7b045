package dev.weft.test.invalid;

import dev.weft.Id;

/** Has an id but no {@code @Entity}. */
public class NotAnEntity {
    @Id public long id;
    public String name;
}
