package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** {@code publisher} has no annotation: a not-null foreign key with onDelete = RESTRICT. */
@Entity
public class Magazine {
    @Id public long id;
    public String title;
    public Publisher publisher;

    public Magazine() {
    }

    public Magazine(String title, Publisher publisher) {
        this.title = title;
        this.publisher = publisher;
    }
}
