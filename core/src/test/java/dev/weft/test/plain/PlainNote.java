package dev.weft.test.plain;

import dev.weft.Entity;
import dev.weft.Id;

/** A valid entity that is not enhanced (its package is outside the enhanced test packages). */
@Entity
public class PlainNote {
    @Id public long id;
    public String text;
}
