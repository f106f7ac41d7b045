package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

import java.util.List;

@Entity(table = "author")
public class Author {
    @Id public long id;
    @Column(nullable = false) public String name;
    public String email;
    public List<Book> books;

    Author() {
    }

    Author(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
