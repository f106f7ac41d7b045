package dev.weft.test.invalid;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

/** Two fields mapped to one column. */
@Entity
public class DuplicateColumn {
    @Id public long id;
    @Column(name = "code") public String code;
    @Column(name = "CODE") public String legacyCode;
}
