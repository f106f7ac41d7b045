package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

@Entity(table = "category")
public class Category {
    @Id public long id;
    @Column(nullable = false) public String name;
    @ManyToMany(through = "book_category", joinColumn = "category_id", inverseJoinColumn = "book_id", backref = "categories")
    public RelationSet<Book> books;

    Category() {
    }

    Category(String name) {
        this.name = name;
    }
}
