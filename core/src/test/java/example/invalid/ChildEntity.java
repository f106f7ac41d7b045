package example.invalid;

import dev.weft.Entity;
import example.library.Book;

@Entity
public class ChildEntity extends Book {
    public String edition;
}
