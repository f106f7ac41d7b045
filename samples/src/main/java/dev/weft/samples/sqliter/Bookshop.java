package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.time.LocalDate;

/**
 * The records that the PRD's usage examples 3 to 6 work on, the ones its section 2 creates and a few more:
 * two authors with two books each (one of them published before 2023), a user with a profile, and the
 * categories "Programming" and "Python".
 *
 * <p>{@link #stock} saves every object through its foreign keys only (related objects first), so it needs
 * nothing but {@code db.save}; {@link #categorize} then links books and categories through the
 * many-to-many relation.
 */
public final class Bookshop {

    /** What {@link #stock} saved. */
    public record Stock(Author john, Author jane,
                        Book pythonProgramming, Book learningSql,
                        Book advancedPython, Book pythonBasics,
                        User user, Profile profile,
                        Category programming, Category python) {
    }

    private Bookshop() {
    }

    /** Creates the tables and saves the stock, every object with its own {@code db.save}. */
    public static Stock stock(Database db) {
        BasicModelSetup.createTables(db);
        Author john = db.save(new Author("John Doe", "john@example.com"));
        Author jane = db.save(new Author("Jane Smith", "jane@example.com"));
        Book pythonProgramming = db.save(new Book("Python Programming", john, LocalDate.of(2024, 1, 1)));
        Book learningSql = db.save(new Book("Learning SQL", john, LocalDate.of(2022, 6, 15)));
        Book advancedPython = db.save(new Book("Advanced Python", jane, LocalDate.of(2024, 2, 1)));
        Book pythonBasics = db.save(new Book("Python Basics", jane, LocalDate.of(2021, 9, 1)));
        User user = db.save(new User("johndoe", "john@example.com"));
        Profile profile = db.save(new Profile(user, "Python developer and author", "https://example.com/avatar.jpg"));
        Category programming = db.save(new Category("Programming", "Programming books"));
        Category python = db.save(new Category("Python", "Books about Python"));
        return new Stock(john, jane, pythonProgramming, learningSql, advancedPython, pythonBasics,
                user, profile, programming, python);
    }

    /**
     * Files the books under the categories: every book but "Python Basics" under Programming, the three Python
     * books under Python. The junction rows are written by {@code add} itself.
     */
    public static void categorize(Stock stock) {
        stock.programming().books.add(stock.pythonProgramming(), stock.learningSql(), stock.advancedPython());
        stock.python().books.add(stock.pythonProgramming(), stock.advancedPython(), stock.pythonBasics());
    }
}
