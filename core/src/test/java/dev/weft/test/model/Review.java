package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/** A CASCADE key with a custom column name ({@code reviewed_book}), one level below {@link Book}. */
@Entity
public class Review {
    @Id public long id;
    @ForeignKey(onDelete = Action.CASCADE, column = "reviewed_book") public Book book;
    public int stars;
    public String reviewerName;

    public Review() {
    }

    public Review(Book book, int stars, String reviewerName) {
        this.book = book;
        this.stars = stars;
        this.reviewerName = reviewerName;
    }
}
