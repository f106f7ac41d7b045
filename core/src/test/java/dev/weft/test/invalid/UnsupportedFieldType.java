package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;

/** A field whose type is neither a column type nor an entity. */
@Entity
public class UnsupportedFieldType {
    @Id public long id;
    public StringBuilder draft;
}
