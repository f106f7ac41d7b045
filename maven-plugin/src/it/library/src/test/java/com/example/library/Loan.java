package com.example.library;

import dev.weft.Entity;
import dev.weft.Id;

/** A test entity: enhanced by enhance-tests. */
@Entity
public class Loan {
    @Id public long id;
    public Book book;
    public String borrower;
}
