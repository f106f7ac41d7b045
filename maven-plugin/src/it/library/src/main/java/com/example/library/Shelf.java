package com.example.library;

/** Not an entity: reads entity fields directly, as application code may. */
public final class Shelf {
    private Shelf() {
    }

    public static String label(Book book) {
        return book.title + " by " + book.author.name;
    }
}
