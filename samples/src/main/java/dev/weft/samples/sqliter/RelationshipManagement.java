package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;

/**
 * PRD section 5.3, "Relationship Management": {@code book.tags.add(tag1, tag2)}, {@code book.tags.remove(tag1)},
 * {@code book.tags.clear()}. Each call writes the junction table {@code book_tags} at once; books and tags
 * themselves are never deleted.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.RelationshipManagement}
 */
public final class RelationshipManagement {

    /** A saved book and two saved tags, not linked yet. */
    public record Tagging(Book book, Tag tag1, Tag tag2) {
    }

    private RelationshipManagement() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Tagging t = setUp(db);
            addTags(t);
            System.out.println("after add(tag1, tag2): " + t.book().tags.fetchAll());
            removeFirstTag(t);
            System.out.println("after remove(tag1):    " + t.book().tags.fetchAll());
            clearTags(t);
            System.out.println("after clear():         " + t.book().tags.fetchAll() + "; tags kept: "
                    + db.select(Tag.class).count());
        }
    }

    /** Creates the tables, a book by a new author, and the tags "python" and "beginners". */
    public static Tagging setUp(Database db) {
        BasicModelSetup.createTables(db);
        Book book = db.save(new Book("Python Programming", new Author("John Doe", "john@example.com"),
                LocalDate.of(2024, 1, 1)));
        Tag tag1 = db.save(new Tag("python"));
        Tag tag2 = db.save(new Tag("beginners"));
        return new Tagging(book, tag1, tag2);
    }

    /** {@code book.tags.add(tag1, tag2)}. */
    public static void addTags(Tagging t) {
        t.book().tags.add(t.tag1(), t.tag2());
    }

    /** {@code book.tags.remove(tag1)}. */
    public static void removeFirstTag(Tagging t) {
        t.book().tags.remove(t.tag1());
    }

    /** {@code book.tags.clear()}. */
    public static void clearTags(Tagging t) {
        t.book().tags.clear();
    }
}
