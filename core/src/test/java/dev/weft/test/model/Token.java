package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** An entity whose only column is its generated id: a row is all it records. */
@Entity
public class Token {
    @Id public long id;
}
