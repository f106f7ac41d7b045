package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.List;

/** Table {@code author}; its books cascade away with it. */
@Entity
public class Author {
    @Id public long id;
    public String name;
    public String email;
    public List<Book> books;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    public Author(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
