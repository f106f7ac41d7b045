package dev.weft.test.invalid;

import dev.weft.Entity;
import dev.weft.Id;

/** Two fields marked {@code @Id}. */
@Entity
public class TwoIds {
    @Id public long id;
    @Id public long otherId;
}
