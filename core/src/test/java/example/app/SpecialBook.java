package example.app;

import example.library.Book;

/** A plain (non-entity) subclass of an entity, in another package, using the fields it inherits. */
public class SpecialBook extends Book {

    public String shout() {
        return title.toUpperCase(java.util.Locale.ROOT);
    }

    public void retitle(String newTitle) {
        title = newTitle;
    }
}
