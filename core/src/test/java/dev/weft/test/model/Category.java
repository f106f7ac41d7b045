package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;

import dev.weft.RelationSet;

/** Many-to-many with {@link Book} through the junction table {@code book_categories}. */
@Entity
public class Category {
    @Id public long id;
    public String name;
    @ManyToMany(through = "book_categories", backref = "categories")
    public RelationSet<Book> books;

    public Category() {
    }

    public Category(String name) {
        this.name = name;
    }
}
