package dev.weft.samples;

import dev.weft.Action;
import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A book. Table {@code books}, named explicitly. */
@Entity(table = "books")
public class Book {
    @Id public long id;
    @Column(nullable = false) public String title;

    /** Column {@code author_id}, NOT NULL, indexed; ON DELETE RESTRICT (the default) keeps books safe. */
    public Author author;

    /** Column {@code category_id}; deleting a category leaves its books without one. */
    @ForeignKey(nullable = true, onDelete = Action.SET_NULL)
    public Category category;

    public LocalDate publishedDate;           // column published_date, TEXT 'YYYY-MM-DD'
    public BigDecimal price;                  // exact, stored as TEXT
    public int pages;                         // primitive: NOT NULL

    /** For loading rows. */
    public Book() {
    }

    public Book(String title, Author author, Category category, LocalDate publishedDate, String price, int pages) {
        this.title = title;
        this.author = author;
        this.category = category;
        this.publishedDate = publishedDate;
        this.price = new BigDecimal(price);
        this.pages = pages;
    }
}
