package com.example.library;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

@Entity(table = "books")
public class Book {
    @Id public long id;
    public String title;
    @ForeignKey(onDelete = Action.CASCADE) public Author author;

    public Book() {
    }

    public Book(String title, Author author) {
        this.title = title;
        this.author = author;
    }
}
