package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.QueryException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Profile;
import dev.weft.test.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(WeftDatabaseExtension.class)
class AcrossRelationsSmokeTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, User.class, Profile.class);
    }

    @Test
    void smoke(Database db, StatementLog log) {
        Author ann = new Author("Ann", "ann@example.com");
        Author bob = new Author("Bob", "bob@other.org");
        Book b1 = new Book("Alpha", ann);
        Book b2 = new Book("Beta", ann);
        Book b3 = new Book("Gamma", bob);
        db.saveAll(List.of(b1, b2, b3));
        Category py = new Category("Python");
        Category java = new Category("Java");
        db.saveAll(List.of(py, java));
        py.books.add(b1, b3);
        java.books.add(b1);
        User u = new User("u1");
        db.save(u);
        db.save(new Profile(u, "likes tea"));
        db.save(new User("u2"));
        db.clearCache();
        log.clear();

        System.out.println(db.select(Book.class).filter("author__name", "Ann").order("-title").toString());
        assertEquals(List.of("Beta", "Alpha"), titles(db.select(Book.class).filter("author__name", "Ann").order("-title").fetchAll()));
        assertEquals(List.of("Alpha", "Gamma"), titles(db.select(Book.class).filter("categories__name__in", List.of("Python", "Java")).order("title").fetchAll()));
        assertEquals(2, db.select(Book.class).filter("categories__name__in", List.of("Python", "Java")).count());
        assertEquals(List.of("Ann"), db.select(Author.class).filter("books__title__startswith", "Al").fetchAll().stream().map(a -> a.name).toList());
        assertEquals(List.of("Bob"), db.select(Author.class).exclude("books__title__startswith", "Al").fetchAll().stream().map(a -> a.name).toList());
        assertEquals(List.of("Ann", "Bob"), db.select(Author.class).filter("books__categories__name", "Python").order("name").fetchAll().stream().map(a -> a.name).toList());
        // Ann has Alpha (Python, Java) and Beta (none); Filter.and on the same book
        assertEquals(1, db.select(Author.class).filter(Filter.and(Filter.where("books__title", "Alpha"), Filter.where("books__categories__name", "Python"))).count());
        assertEquals(1, db.select(Author.class).filter("books__title", "Beta").filter("books__categories__name", "Java").count());
        assertEquals(0, db.select(Author.class).filter(Filter.and(Filter.where("books__title", "Beta"), Filter.where("books__categories__name", "Java"))).count());
        assertEquals(List.of("u1"), db.select(User.class).filter("profile__isnull", false).fetchAll().stream().map(x -> x.username).toList());
        assertEquals(List.of("u2"), db.select(User.class).filter("profile__isnull", true).fetchAll().stream().map(x -> x.username).toList());
        assertEquals(List.of("u1"), db.select(User.class).filter("profile__bio__icontains", "TEA").fetchAll().stream().map(x -> x.username).toList());
        log.clear();
        assertEquals(List.of("Alpha", "Gamma"), titles(db.select(Book.class).filter("categories", py).order("title").fetchAll()));
        assertEquals(List.of("Alpha"), titles(db.select(Book.class).filter("categories__id__in", List.of(java.id)).fetchAll()));
        assertEquals(List.of("Beta"), titles(db.select(Book.class).filter("categories__isnull", true).fetchAll()));
        System.out.println(log);
        assertEquals(List.of("Gamma"), titles(db.select(Book.class).filter("author__email__contains", "other").fetchAll()));
        assertEquals(0, db.select(Category.class).filter("books__isnull", true).count());
        assertEquals(2, db.select(Category.class).filter("books__isnull", false).count());
        QueryException e = assertThrows(QueryException.class, () -> db.select(Book.class).selectRelated("categories"));
        System.out.println(e.getMessage());
        e = assertThrows(QueryException.class, () -> db.select(Author.class).order("books__title"));
        System.out.println(e.getMessage());
        e = assertThrows(QueryException.class, () -> db.select(Book.class).filter("author__nme", "x"));
        System.out.println(e.getMessage());

        db.clearCache();
        log.clear();
        List<Book> books = db.select(Book.class).selectRelated("author").order("title").fetchAll();
        assertEquals(List.of("Ann", "Ann", "Bob"), books.stream().map(b -> b.author.name).toList());
        System.out.println(log);
        assertEquals(1, log.dataStatements().size());

        db.clearCache();
        log.clear();
        List<Author> authors = db.select(Author.class).prefetchRelated("books", "books__categories").order("name").fetchAll();
        int n = 0;
        for (Author a : authors) {
            for (Book b : a.books) {
                n += b.categories.size();
            }
        }
        assertEquals(3, n);
        System.out.println(log);
        assertEquals(3, log.dataStatements().size());

        db.clearCache();
        log.clear();
        List<User> users = db.select(User.class).selectRelated("profile").order("username").fetchAll();
        assertEquals("likes tea", users.get(0).profile.bio);
        assertEquals(null, users.get(1).profile);
        assertEquals(1, log.dataStatements().size(), log.toString());
        assertEquals(2, db.select(Book.class).filter("author__name", "Ann").delete());
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(b -> b.title).toList();
    }
}
