package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** A generated {@code int} id. */
@Entity
public class Ticket {
    @Id public int id;
    public String subject;

    public Ticket() {
    }

    public Ticket(String subject) {
        this.subject = subject;
    }
}
