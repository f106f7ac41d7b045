package example.app;

import dev.weft.Database;
import dev.weft.internal.enhance.Enhanced;
import example.library.Author;
import example.library.Book;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One use of the runtime on the fixture entities, written as an application would (direct field access from this
 * package, getters, a hollow author), that reports what happened line by line. Run under the agent in a forked JVM
 * and on build-time enhanced classes in this one, so that the two ways in can be compared.
 */
public final class LibraryScenario {

    private LibraryScenario() {
    }

    public static void main(String[] args) {
        run().forEach(System.out::println);
    }

    public static List<String> run() {
        List<String> lines = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        try (Database db = Database.builder().inMemory().onStatement(statements::add).build()) {
            db.createTables(Author.class, Book.class);
            Book saved = db.save(new Book("The Farthest Shore", new Author("Ursula"), 223));
            Object entity = saved;
            lines.add("enhanced " + (entity instanceof Enhanced));
            db.clearCache();

            statements.clear();
            Book book = db.get(Book.class, saved.id);
            lines.add("author " + Library.authorNameOf(book) + " after " + dataStatements(statements).size()
                    + " statements");

            book.setPages(224);
            Library.rename(book.getAuthor(), "Ursula K. Le Guin");
            statements.clear();
            db.save(book);
            db.save(book.author);
            dataStatements(statements).forEach(sql -> lines.add("wrote " + sql));

            db.clearCache();
            Book reloaded = db.get(Book.class, saved.id);
            lines.add("reloaded " + reloaded.title + ", " + reloaded.getPages() + " pages, by "
                    + Library.authorNameOf(reloaded));
        }
        return lines;
    }

    private static List<String> dataStatements(List<String> statements) {
        return statements.stream().filter(sql -> {
            String head = sql.strip().toUpperCase(Locale.ROOT);
            return head.startsWith("SELECT") || head.startsWith("INSERT") || head.startsWith("UPDATE")
                    || head.startsWith("DELETE");
        }).toList();
    }
}
