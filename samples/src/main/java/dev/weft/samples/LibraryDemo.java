package dev.weft.samples;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.RestrictViolationException;
import dev.weft.UniqueViolationException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A tour of Weft on a small library: authors, categories and books in an SQLite file.
 *
 * <p>Run it with {@code mvn -q install -DskipTests && mvn -q -pl samples exec:java}, or call
 * {@code main} with the path of the database file to use (default {@code target/library.db}). The file is
 * deleted first, so every run starts from an empty library.
 */
public final class LibraryDemo {

    private final Database db;
    private final PrintStream out;
    private final List<String> statements;

    private LibraryDemo(Database db, PrintStream out, List<String> statements) {
        this.db = db;
        this.out = out;
        this.statements = statements;
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "target/library.db");
        run(file, System.out);
    }

    /**
     * Runs the tour against a fresh database in {@code file}, printing to {@code out}.
     *
     * @return the number of SQL statements Weft sent to SQLite
     */
    public static int run(Path file, PrintStream out) {
        deleteDatabase(file);
        List<String> statements = new CopyOnWriteArrayList<>();
        try (Database db = Database.builder().path(file).onStatement(statements::add).build()) {
            out.println("Weft library demo, database file " + file.toAbsolutePath());
            new LibraryDemo(db, out, statements).tour();
        }
        out.println();
        out.println("Done: Weft sent " + statements.size() + " SQL statements to SQLite.");
        return statements.size();
    }

    private void tour() {
        section("1. Schema");
        db.createTables(Author.class, Category.class, Book.class);
        statements.stream().filter(sql -> sql.startsWith("CREATE"))
                .forEach(sql -> out.println("  " + sql.replace("\n", "\n  ")));

        section("2. Saving");
        Category fiction = db.save(new Category("Science fiction"));
        Category fantasy = db.save(new Category("Fantasy"));
        Category essays = db.save(new Category("Essays"));
        Author leGuin = db.save(new Author("Ursula K. Le Guin", "ursula@example.com"));
        Author lem = db.save(new Author("Stanisław Lem", "lem@example.org"));
        Author jemisin = db.save(new Author("N. K. Jemisin", "nkj@example.com"));
        List<Book> books = List.of(
                new Book("A Wizard of Earthsea", leGuin, fantasy, LocalDate.of(1968, 11, 1), "9.99", 183),
                new Book("The Left Hand of Darkness", leGuin, fiction, LocalDate.of(1969, 3, 1), "12.50", 286),
                new Book("The Dispossessed", leGuin, fiction, LocalDate.of(1974, 5, 1), "13.00", 387),
                new Book("The Language of the Night", leGuin, essays, LocalDate.of(1979, 1, 1), "15.00", 270),
                new Book("Solaris", lem, fiction, LocalDate.of(1961, 6, 1), "11.00", 204),
                new Book("The Cyberiad", lem, fiction, LocalDate.of(1965, 1, 1), "10.50", 295),
                new Book("The Fifth Season", jemisin, fantasy, LocalDate.of(2015, 8, 4), "16.99", 468),
                new Book("Draft: untitled", jemisin, null, null, "0", 12));
        db.transaction(() -> books.forEach(db::save));
        out.println("  saved " + db.select(Category.class).count() + " categories, "
                + db.select(Author.class).count() + " authors and " + db.select(Book.class).count()
                + " books; ids are assigned by SQLite: " + leGuin.name + " is author #" + leGuin.id);

        section("3. Loading and updating (only changed columns are written)");
        Book solaris = db.get(Book.class, books.get(4).id);
        out.println("  db.get(Book.class, " + solaris.id + ") -> " + describe(solaris));
        int before = statements.size();
        solaris.price = new BigDecimal("8.99");
        db.save(solaris);
        statements.subList(before, statements.size()).stream()
                .filter(sql -> sql.startsWith("UPDATE"))
                .forEach(sql -> out.println("  SQL: " + sql));
        out.println("  reloaded price: " + db.select(Book.class).filter("id", solaris.id).get().price);
        out.println("  db.find(Book.class, 999) -> " + db.find(Book.class, 999L));

        section("4. Queries");
        show("Books by Le Guin, newest first",
                db.select(Book.class).filter("author", leGuin).order("-publishedDate").fetchAll());
        show("Published after 1965, titles containing \"The\" (case-sensitive), shortest first",
                db.select(Book.class)
                        .filter("publishedDate__gt", LocalDate.of(1965, 1, 1))
                        .filter("title__contains", "The")
                        .order("pages").fetchAll());
        show("Title contains \"DARK\", ignoring case",
                db.select(Book.class).filter("title__icontains", "DARK").fetchAll());
        out.println("  ... and case-sensitively: "
                + db.select(Book.class).filter("title__contains", "DARK").count() + " books");
        out.println("  Author whose name contains \"STANISŁAW\", ignoring case (all of Unicode): "
                + db.select(Author.class).filter("name__icontains", "STANISŁAW").fetchOne().map(a -> a.name).orElse("none"));
        // exclude is the exact complement of filter: the draft, which has no category, is kept.
        show("Under 250 pages, excluding fantasy",
                db.select(Book.class).filter("pages__lt", 250).exclude("category", fantasy).order("title").fetchAll());
        show("Fantasy OR more than 350 pages",
                db.select(Book.class)
                        .filter(Filter.or(Filter.where("category", fantasy), Filter.where("pages__gt", 350)))
                        .order("title").fetchAll());
        show("By authors with an e-mail at example.com, excluding drafts, newest first (authors joined: one query)",
                db.select(Book.class)
                        .selectRelated("author")
                        .filter("author__email__endswith", "@example.com")
                        .exclude("title__startswith", "Draft")
                        .order("-publishedDate").fetchAll());
        show("Science fiction, by author name, then title",
                db.select(Book.class).filter("category__name", "Science fiction").order("author__name", "title").fetchAll());
        show("Between 200 and 400 pages, by length, the second page of two",
                db.select(Book.class)
                        .filter("pages__between", List.of(200, 400))
                        .order("pages").limit(2).offset(2).fetchAll());
        out.println("  Science fiction books: " + db.select(Book.class).filter("category", fiction).count());
        out.println("  Any book by Lem before 1960? "
                + db.select(Book.class).filter("author", lem).filter("publishedDate__lt", LocalDate.of(1960, 1, 1)).exists());
        out.println("  Any book without a publication date? "
                + db.select(Book.class).filter("publishedDate__isnull", true).exists());
        out.println("  First book in title order: "
                + db.select(Book.class).order("title").fetchFirst().map(book -> book.title).orElse("none"));

        section("5. Constraints the database keeps");
        try {
            db.delete(lem);
            throw new IllegalStateException("deleting an author who has books should have been refused");
        } catch (RestrictViolationException e) {
            out.println("  Deleting an author who has books is refused:");
            out.println("    RestrictViolationException: " + e.getMessage());
        }
        try {
            db.save(new Category("Fantasy"));
            throw new IllegalStateException("a second category named Fantasy should have been refused");
        } catch (UniqueViolationException e) {
            out.println("  A second category named Fantasy is refused:");
            out.println("    UniqueViolationException: " + e.getMessage());
        }
        out.println("  still " + db.select(Author.class).count() + " authors and "
                + db.select(Category.class).count() + " categories");

        section("6. Transactions");
        long beforeCount = db.select(Book.class).count();
        try {
            db.transaction(() -> {
                db.save(new Book("The Lathe of Heaven", leGuin, fiction, LocalDate.of(1971, 1, 1), "11.50", 184));
                throw new IllegalStateException("the shop closed before the order was paid");
            });
        } catch (IllegalStateException e) {
            out.println("  a transaction that threw (" + e.getMessage() + ") was rolled back: "
                    + db.select(Book.class).count() + " books, as before (" + beforeCount + ")");
        }
        long removed = db.transaction(() -> {
            long drafts = db.select(Book.class).filter("author", jemisin).filter("title__startswith", "Draft").delete();
            db.save(new Book("The Obelisk Gate", jemisin, fantasy, LocalDate.of(2016, 8, 16), "16.99", 448));
            return drafts;
        });
        out.println("  a committed transaction removed " + removed + " draft and added The Obelisk Gate: "
                + db.select(Book.class).count() + " books");

        section("7. Deleting");
        db.delete(essays);
        out.println("  deleted category Essays (ON DELETE SET NULL): books without a category now: "
                + titles(db.select(Book.class).filter("category__isnull", true).fetchAll()));
        long lemsBooks = db.select(Book.class).filter("author", lem).delete();
        db.delete(lem);
        out.println("  deleted " + lemsBooks + " books by Lem, then Lem: "
                + db.select(Author.class).order("name").fetchAll().stream().map(a -> a.name).collect(Collectors.toList()));
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void show(String title, List<Book> books) {
        out.println("  " + title + ":");
        if (books.isEmpty()) {
            out.println("    (none)");
        }
        books.forEach(book -> out.println("    " + describe(book)));
    }

    /**
     * One line about a book. Until enhancement lands (lazy relations), the relation fields of a loaded
     * book hold only the related row's id, so the names are looked up by id.
     */
    private String describe(Book book) {
        String author = db.find(Author.class, book.author.id).map(a -> a.name).orElse("?");
        String category = book.category == null ? "no category"
                : db.find(Category.class, book.category.id).map(c -> c.name).orElse("?");
        return String.format("#%d %-27s %-18s %-11s %3d pages  $%-5s  %s",
                book.id, book.title, author,
                book.publishedDate == null ? "unpublished" : book.publishedDate, book.pages, book.price, category);
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(book -> book.title).collect(Collectors.toList());
    }

    private static void deleteDatabase(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the demo database " + file, e);
        }
    }
}
