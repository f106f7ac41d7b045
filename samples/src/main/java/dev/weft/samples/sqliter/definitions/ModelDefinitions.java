package dev.weft.samples.sqliter.definitions;

import dev.weft.Database;
import dev.weft.UniqueViolationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLiter PRD's requirement 2, "Model Definition Examples": a one-to-many ({@link Book#author}), a
 * one-to-one ({@link Profile#user}, a unique foreign key) and a many-to-many ({@link Tag#books}), and what
 * each guarantees once the tables exist.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.definitions.ModelDefinitions}
 */
public final class ModelDefinitions {

    /** The saved objects. */
    public record Models(Author author, Book book, Profile profile) {
    }

    private ModelDefinitions() {
    }

    public static void main(String[] args) {
        List<String> statements = new ArrayList<>();
        try (Database db = Database.builder().inMemory().onStatement(statements::add).build()) {
            createTables(db);
            statements.stream().filter(sql -> sql.startsWith("CREATE")).forEach(System.out::println);
            Models models = saveModels(db);
            System.out.println("A second profile for the same author is refused: "
                    + secondProfile(db, models.author()).getMessage());
            Tag tag = tagBook(db, models.book());
            System.out.println("Tag " + tag.name + ": " + tag.books.size() + " book(s)");
        }
    }

    /** Creates the four tables and the junction table {@code tag_books}. */
    public static void createTables(Database db) {
        db.createTables(Author.class, Book.class, Profile.class, Tag.class);
    }

    /** An author, a book by them and the author's profile. */
    public static Models saveModels(Database db) {
        Author author = db.save(new Author("John Doe", "john@example.com"));
        Book book = db.save(new Book("Python Programming", author, LocalDate.of(2024, 1, 1)));
        Profile profile = db.save(new Profile(author, "Python developer"));
        return new Models(author, book, profile);
    }

    /**
     * Tries to save a second profile for {@code author} and returns the refusal.
     *
     * @throws IllegalStateException if the profile was saved
     */
    public static UniqueViolationException secondProfile(Database db, Author author) {
        try {
            db.save(new Profile(author, "Someone else's bio"));
        } catch (UniqueViolationException e) {
            return e;
        }
        throw new IllegalStateException("a second profile for " + author.name + " was saved");
    }

    /** A tag holding {@code book}, linked through the junction table. */
    public static Tag tagBook(Database db, Book book) {
        Tag tag = db.save(new Tag("python"));
        tag.books.add(book);
        return tag;
    }
}
