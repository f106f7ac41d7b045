package dev.weft.bench.weft;

import dev.weft.Action;
import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.util.List;

@Entity(table = "book")
public class Book {
    @Id public long id;
    @Column(nullable = false) public String title;
    @ForeignKey(onDelete = Action.CASCADE) public Author author;
    public int pages;
    public int publishedYear;
    public List<Category> categories;

    Book() {
    }

    Book(String title, Author author, int pages, int publishedYear) {
        this.title = title;
        this.author = author;
        this.pages = pages;
        this.publishedYear = publishedYear;
    }
}
