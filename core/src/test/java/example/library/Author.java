package example.library;

import dev.weft.Entity;

import java.util.ArrayList;
import java.util.List;

/** An entity with a mapped superclass, a collection relation and no no-argument constructor. */
@Entity
public class Author extends Timestamped {
    public String name;
    public String email;
    public List<Book> books = new ArrayList<>();

    public Author(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "Author(" + name + ")";
    }
}
