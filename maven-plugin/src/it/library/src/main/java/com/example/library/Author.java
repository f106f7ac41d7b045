package com.example.library;

import dev.weft.Entity;
import dev.weft.Id;

@Entity
public class Author {
    @Id public long id;
    public String name;

    public Author(String name) {
        this.name = name;
    }
}
