package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Blog;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Country;
import dev.weft.test.model.Logo;
import dev.weft.test.model.Novel;
import dev.weft.test.model.Org;
import dev.weft.test.model.Post;
import dev.weft.test.model.Press;
import dev.weft.test.model.Profile;
import dev.weft.test.model.Review;
import dev.weft.test.model.Theme;
import dev.weft.test.model.User;
import dev.weft.test.model.Writer;
import dev.weft.test.model.WriterProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code selectRelated}: to-one paths load in the same statement as the rows (JOINs), through the identity map, so
 * that reading them afterwards sends nothing. The number of data statements is the point of most tests.
 */
@ExtendWith(WeftDatabaseExtension.class)
class SelectRelatedTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Review.class, User.class, Profile.class, Blog.class,
                Post.class, Org.class, Logo.class, Country.class, Press.class, Writer.class, WriterProfile.class,
                Novel.class, Theme.class);
    }

    /** 5 authors (Author 0..4, a0@x ...), each with 6 books "Book a.b"; returns the author name of each title. */
    private static Map<String, String> library(Database db, StatementLog log) {
        Map<String, String> authorOf = new HashMap<>();
        List<Book> books = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            Author author = new Author("Author " + a, "a" + a + "@x");
            for (int b = 0; b < 6; b++) {
                books.add(new Book("Book " + a + "." + b, author, LocalDate.of(2000 + b, 1, 1 + a)));
                authorOf.put("Book " + a + "." + b, author.name);
            }
        }
        db.saveAll(books);
        db.clearCache();
        log.clear();
        return authorOf;
    }

    private static int data(StatementLog log) {
        return log.dataStatements().size();
    }

    /** Camus (Gallimard, France; a profile), Kafka (Indie, no country; no profile), Anon (no press; empty profile). */
    private static void shelf(Database db, StatementLog log) {
        Country france = db.save(new Country("FR", "France"));
        Press gallimard = db.save(new Press("Gallimard", france));
        Press indie = db.save(new Press("Indie", null));
        Writer camus = db.save(new Writer("Camus", gallimard));
        Writer kafka = db.save(new Writer("Kafka", indie));
        Writer anon = db.save(new Writer("Anon", null));
        db.save(new WriterProfile(camus, "Absurdist"));
        db.save(new WriterProfile(anon, null));
        db.save(new Novel("The Stranger", 120, null, camus));
        db.save(new Novel("The Plague", 308, null, camus));
        db.save(new Novel("The Trial", 255, null, kafka));
        db.save(new Novel("Untitled", 10, null, anon));
        db.clearCache();
        log.clear();
    }

    private static QueryException refusedAtTheCall(StatementLog log, Executable call, String... words) {
        log.clear();
        QueryException e = assertThrows(QueryException.class, call);
        for (String word : words) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(word),
                    "message lacks '" + word + "': " + e.getMessage());
        }
        assertEquals(0, log.count(), "nothing was sent: " + log);
        return e;
    }

    // ---- statements --------------------------------------------------------------------------------

    @Test
    void fetchAllIsOneStatementWithAJoinAndTheAuthorsNeedNoFurtherQuery(Database db, StatementLog log) {
        Map<String, String> authorOf = library(db, log);

        List<Book> books = db.select(Book.class).selectRelated("author").fetchAll();

        assertEquals(1, data(log), log.toString());
        assertTrue(log.dataStatements().get(0).toUpperCase().contains("JOIN"), log.toString());
        assertEquals(30, books.size());
        for (Book book : books) {
            assertEquals(authorOf.get(book.title), book.author.name);
            assertEquals("a" + book.author.name.substring(7) + "@x", book.author.email);
        }
        assertEquals(1, data(log), "reading the authors sent nothing: " + log);
    }

    @Test
    void eachRelatedRowBecomesOneInstanceThroughTheIdentityMap(Database db, StatementLog log) {
        library(db, log);

        List<Book> books = db.select(Book.class).selectRelated("author").order("title").fetchAll();
        log.clear();

        assertSame(books.get(0).author, books.get(5).author);
        assertSame(books.get(0).author, db.get(Author.class, books.get(0).author.id));
        assertEquals(0, log.count(), "db.get answered from the identity map: " + log);
        assertEquals(5, books.stream().map(b -> b.author).distinct().count());
    }

    @Test
    void aNestedPathLoadsEveryLevelInTheSameStatement(Database db, StatementLog log) {
        Author ann = db.save(new Author("Ann"));
        Author bob = db.save(new Author("Bob"));
        Book alpha = db.save(new Book("Alpha", ann));
        Book gamma = db.save(new Book("Gamma", bob));
        db.saveAll(List.of(new Review(alpha, 5, "Zed"), new Review(alpha, 3, "Amy"), new Review(gamma, 4, "Kim")));
        db.clearCache();
        log.clear();

        List<Review> reviews = db.select(Review.class).selectRelated("book__author").order("id").fetchAll();

        assertEquals(List.of("Alpha/Ann", "Alpha/Ann", "Gamma/Bob"),
                reviews.stream().map(r -> r.book.title + "/" + r.book.author.name).toList());
        assertSame(reviews.get(0).book, reviews.get(1).book);
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void aNullableKeyIsALeftJoinThatKeepsRowsWithoutTarget(Database db, StatementLog log) {
        Blog tech = db.save(new Blog("Tech"));
        db.saveAll(List.of(new Post("Hello", tech), new Post("Orphan"), new Post("Zebra", tech)));
        db.clearCache();
        log.clear();

        List<Post> posts = db.select(Post.class).selectRelated("blog").order("title").fetchAll();

        assertEquals(List.of("Hello", "Orphan", "Zebra"), posts.stream().map(p -> p.title).toList());
        assertEquals("Tech", posts.get(0).blog.name);
        assertNull(posts.get(1).blog);
        assertSame(posts.get(0).blog, posts.get(2).blog);
        assertEquals(1, data(log), log.toString());
        assertTrue(log.dataStatements().get(0).toUpperCase().contains("LEFT"), "a LEFT JOIN: " + log);
    }

    @Test
    void aFilterOnlyRowsWithTheTargetCanMeetJoinsItInnerAndOthersKeepTheLeftJoin(Database db, StatementLog log) {
        Blog tech = db.save(new Blog("Tech"));
        db.saveAll(List.of(new Post("Hello", tech), new Post("Orphan"), new Post("Zebra", tech)));
        db.clearCache();
        log.clear();

        List<Post> inTech = db.select(Post.class).filter("blog__name", "Tech").selectRelated("blog").order("title")
                .fetchAll();
        List<Post> notInTech = db.select(Post.class).exclude("blog__name", "Tech").selectRelated("blog").fetchAll();

        assertEquals(List.of("Hello", "Zebra"), inTech.stream().map(p -> p.title).toList());
        assertEquals("Tech", inTech.get(0).blog.name);
        assertSame(inTech.get(0).blog, inTech.get(1).blog);
        assertEquals(List.of("Orphan"), notInTech.stream().map(p -> p.title).toList());
        String filtered = log.dataStatements().get(0).toUpperCase();
        assertTrue(filtered.contains(" JOIN ") && !filtered.contains("LEFT"), "an inner JOIN: " + filtered);
        assertTrue(log.dataStatements().get(1).toUpperCase().contains("LEFT JOIN"), "a LEFT JOIN: " + log);
    }

    @Test
    void aChainOfNullableKeysLoadsWhatExistsAndLeavesTheRestNull(Database db, StatementLog log) {
        shelf(db, log);

        List<Novel> novels = db.select(Novel.class).selectRelated("writer__press__country").order("title").fetchAll();

        assertEquals(List.of("The Plague", "The Stranger", "The Trial", "Untitled"),
                novels.stream().map(n -> n.title).toList());
        assertEquals("France", novels.get(0).writer.press.country.name);
        assertEquals("FR", novels.get(1).writer.press.country.code);
        assertEquals("Indie", novels.get(2).writer.press.name);
        assertNull(novels.get(2).writer.press.country);
        assertEquals("Anon", novels.get(3).writer.name);
        assertNull(novels.get(3).writer.press);
        assertSame(novels.get(0).writer.press, novels.get(1).writer.press);
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void theInverseSideOfAOneToOneIsSetOrNullWithoutAStatement(Database db, StatementLog log) {
        for (int i = 0; i < 9; i++) {
            User user = db.save(new User("user" + i));
            if (i % 3 != 0) {
                db.save(new Profile(user, "bio " + i));
            }
        }
        db.clearCache();
        log.clear();

        List<User> users = db.select(User.class).selectRelated("profile").order("username").fetchAll();

        assertEquals(9, users.size());
        for (int i = 0; i < 9; i++) {
            User user = users.get(i);
            if (i % 3 == 0) {
                assertNull(user.profile, user.username);
            } else {
                assertEquals("bio " + i, user.profile.bio);
                assertSame(user, user.profile.user);
            }
        }
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void anInverseOneToOneReachedThroughAForeignKey(Database db, StatementLog log) {
        shelf(db, log);

        List<Novel> novels = db.select(Novel.class).selectRelated("writer__profile").order("title").fetchAll();

        assertEquals("Absurdist", novels.get(0).writer.profile.bio);
        assertSame(novels.get(0).writer.profile, novels.get(1).writer.profile);
        assertNull(novels.get(2).writer.profile, "Kafka has no profile");
        assertNotNull(novels.get(3).writer.profile);
        assertNull(novels.get(3).writer.profile.bio);
        assertSame(novels.get(3).writer, novels.get(3).writer.profile.writer);
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void severalPathsSharingAPrefixAreOneStatement(Database db, StatementLog log) {
        shelf(db, log);

        List<Novel> novels = db.select(Novel.class)
                .selectRelated("writer", "writer__press", "writer__press__country", "writer__profile")
                .order("title").fetchAll();

        assertEquals("France", novels.get(0).writer.press.country.name);
        assertEquals("Absurdist", novels.get(1).writer.profile.bio);
        assertNull(novels.get(2).writer.profile);
        assertNull(novels.get(3).writer.press);
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void bothSidesOfAOneToOneForeignKey(Database db, StatementLog log) {
        Org acme = db.save(new Org("Acme"));
        db.save(new Org("Bare"));
        Logo logo = db.save(new Logo("acme.png"));
        db.save(new Logo("spare.png"));
        acme.logo = logo;
        db.save(acme);
        User ada = db.save(new User("ada"));
        db.save(new Profile(ada, "Ada's"));
        db.clearCache();
        log.clear();

        List<Org> orgs = db.select(Org.class).selectRelated("logo").order("name").fetchAll();
        List<Logo> logos = db.select(Logo.class).selectRelated("org").order("uri").fetchAll();
        Profile profile = db.select(Profile.class).selectRelated("user").get();

        assertEquals(3, data(log), log.toString());
        assertEquals("acme.png", orgs.get(0).logo.uri);
        assertNull(orgs.get(1).logo);
        assertSame(orgs.get(0), logos.get(0).org);
        assertNull(logos.get(1).org);
        assertEquals("ada", profile.user.username);
        assertEquals(3, data(log), log.toString());
    }

    @Test
    void worksWithFiltersOrderLimitAndTheSingleRowMethods(Database db, StatementLog log) {
        library(db, log);

        List<Book> books = db.select(Book.class).selectRelated("author").filter("author__name", "Author 3")
                .order("-title").limit(2).offset(1).fetchAll();
        assertEquals(List.of("Book 3.4", "Book 3.3"), books.stream().map(b -> b.title).toList());
        assertEquals("a3@x", books.get(0).author.email);
        assertEquals(1, data(log), log.toString());

        db.clearCache();
        log.clear();
        Book first = db.select(Book.class).selectRelated("author").order("title").fetchFirst().orElseThrow();
        Book one = db.select(Book.class).selectRelated("author").filter("title", "Book 4.5").get();
        assertEquals("Author 0", first.author.name);
        assertEquals("Author 4", one.author.name);
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void worksWithAToManyFilterAndReturnsEachRowOnce(Database db, StatementLog log) {
        Author ann = db.save(new Author("Ann"));
        Book alpha = db.save(new Book("Alpha", ann));
        db.save(new Book("Beta", ann));
        Category sf = db.save(new Category("SF"));
        Category poetry = db.save(new Category("Poetry"));
        sf.books.add(alpha);
        poetry.books.add(alpha);
        db.clearCache();
        log.clear();

        List<Book> books = db.select(Book.class).selectRelated("author")
                .filter("categories__name__in", List.of("SF", "Poetry")).fetchAll();

        assertEquals(1, books.size(), "Alpha once");
        assertEquals("Ann", books.get(0).author.name);
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void worksOnTheQueryOfARelationSet(Database db, StatementLog log) {
        Author ann = db.save(new Author("Ann"));
        Author bob = db.save(new Author("Bob"));
        Book alpha = db.save(new Book("Alpha", ann));
        Book gamma = db.save(new Book("Gamma", bob));
        db.save(new Book("Other", bob));
        Category sf = db.save(new Category("SF"));
        sf.books.add(alpha, gamma);
        db.clearCache();
        Category loaded = db.get(Category.class, sf.id);
        log.clear();

        List<Book> books = loaded.books.query().selectRelated("author").order("title").fetchAll();

        assertEquals(List.of("Alpha/Ann", "Gamma/Bob"),
                books.stream().map(b -> b.title + "/" + b.author.name).toList());
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void streamReadsTheRelatedObjectsWithEachPage(Database db, StatementLog log) {
        Map<String, String> authorOf = library(db, log);

        List<Book> books = db.select(Book.class).selectRelated("author").order("title").stream().toList();
        int statements = data(log);
        for (Book book : books) {
            assertEquals(authorOf.get(book.title), book.author.name);
        }

        assertEquals(30, books.size());
        assertEquals(2, statements, "the ids, then one page: " + log);
        assertEquals(statements, data(log), "the authors came with the page: " + log);
    }

    @Test
    void countExistsDeleteAndUpdateIgnoreTheJoinsOfSelectRelated(Database db, StatementLog log) {
        library(db, log);
        Query<Book> query = db.select(Book.class).selectRelated("author").prefetchRelated("categories")
                .filter("author__name", "Author 2");

        assertEquals(6, query.count());
        assertTrue(query.exists());
        assertEquals(6, query.update(Map.of("publishedDate", LocalDate.of(1990, 1, 1))));
        assertEquals(6, db.select(Book.class).filter("publishedDate", LocalDate.of(1990, 1, 1)).count());
        assertEquals(6, query.delete());
        assertEquals(24, db.select(Book.class).count());
        assertEquals(5, db.select(Author.class).count());
    }

    @Test
    void streamOrderedAcrossARelationReadsEveryRowOnceAcrossPages(Database db, StatementLog log) {
        List<Book> books = new ArrayList<>();
        for (int a = 0; a < 40; a++) {
            Author author = new Author("Author " + (char) ('A' + a % 26) + a, null);
            for (int b = 0; b < 30; b++) {
                books.add(new Book("Book " + a + "." + b, author));
            }
        }
        db.saveAll(books);
        db.clearCache();
        log.clear();

        List<Book> streamed = db.select(Book.class).selectRelated("author").order("-author__name", "title").stream()
                .toList();
        List<Book> fetched = db.select(Book.class).order("-author__name", "title").fetchAll();

        assertEquals(1200, streamed.size());
        assertEquals(fetched.stream().map(b -> b.id).toList(), streamed.stream().map(b -> b.id).toList());
        for (int i = 1; i < streamed.size(); i++) {
            assertTrue(streamed.get(i - 1).author.name.compareTo(streamed.get(i).author.name) >= 0, "descending");
        }
    }

    @Test
    void anEmptyResultIsOneStatement(Database db, StatementLog log) {
        library(db, log);

        assertEquals(List.of(), db.select(Book.class).selectRelated("author").filter("title", "None").fetchAll());
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void relationsNotNamedStayLazyAndStillWork(Database db, StatementLog log) {
        library(db, log);

        List<Book> books = db.select(Book.class).selectRelated("author").order("title").fetchAll();
        int total = 0;
        for (Book book : books) {
            total += book.author.books.size();
        }

        assertEquals(30 * 6, total);
        assertSame(books.get(0).author, books.get(0).author.books.get(0).author);
        assertEquals(2, data(log), "the authors read together load their books together: " + log);
    }

    // ---- the identity map ---------------------------------------------------------------------------

    @Test
    void anObjectAlreadyLoadedAndChangedInMemoryKeepsItsChanges(Database db, StatementLog log) {
        library(db, log);
        Author author = db.select(Author.class).filter("name", "Author 2").get();
        author.name = "Renamed";
        author.email = null;
        log.clear();

        List<Book> books = db.select(Book.class).selectRelated("author").filter("author", author).fetchAll();

        assertEquals(6, books.size());
        for (Book book : books) {
            assertSame(author, book.author);
        }
        assertEquals("Renamed", author.name);
        assertNull(author.email);
        assertEquals(1, data(log), log.toString());
        db.save(author);
        db.clearCache();
        assertEquals("Renamed", db.get(Author.class, author.id).name, "the change is still dirty and saved");
        assertNull(db.get(Author.class, author.id).email);
    }

    @Test
    void anInverseOneToOneAlreadyLoadedKeepsItsValueChangedInMemory(Database db, StatementLog log) {
        Org acme = db.save(new Org("Acme"));
        Logo logo = db.save(new Logo("acme.png"));
        acme.logo = logo;
        db.save(acme);
        db.clearCache();
        Logo loaded = db.select(Logo.class).get();
        Org owner = loaded.org;
        assertEquals("Acme", owner.name);
        owner.logo = null;
        assertNull(loaded.org, "both sides follow in memory, unsaved");
        log.clear();

        List<Logo> logos = db.select(Logo.class).selectRelated("org").fetchAll();

        assertSame(loaded, logos.get(0));
        assertNull(loaded.org, "the change in memory wins over the row");
        assertNull(owner.logo);
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void aHollowReferenceIsFilledInPlace(Database db, StatementLog log) {
        library(db, log);
        long id = db.select(Author.class).filter("name", "Author 1").get().id;
        db.clearCache();
        Author reference = db.reference(Author.class, id);
        log.clear();

        List<Book> books = db.select(Book.class).selectRelated("author").filter("author", id).fetchAll();

        assertSame(reference, books.get(0).author);
        assertEquals("Author 1", reference.name);
        assertEquals("a1@x", reference.email);
        assertEquals(1, data(log), log.toString());
    }

    // ---- mistakes ------------------------------------------------------------------------------------

    @Test
    void anUnknownNameIsRefusedAtTheCallListingTheValidNames(Database db, StatementLog log) {
        Query<Book> books = db.select(Book.class);
        Query<User> users = db.select(User.class);

        refusedAtTheCall(log, () -> books.selectRelated("nope"), "nope", "author");
        refusedAtTheCall(log, () -> users.selectRelated("profle"), "profle", "profile");
        refusedAtTheCall(log, () -> db.select(Novel.class).selectRelated("writer__nope"), "nope", "press", "profile");
        refusedAtTheCall(log, () -> db.select(Novel.class).selectRelated("writer__press__nope"), "nope", "country");
    }

    @Test
    void aFieldThatIsNotARelationIsRefusedAtTheCall(Database db, StatementLog log) {
        refusedAtTheCall(log, () -> db.select(Book.class).selectRelated("title"), "title");
        refusedAtTheCall(log, () -> db.select(Book.class).selectRelated("author__name"), "name");
    }

    @Test
    void aToManyPathIsRefusedAtTheCallPointingToPrefetchRelated(Database db, StatementLog log) {
        refusedAtTheCall(log, () -> db.select(Book.class).selectRelated("categories"), "categories", "prefetchRelated");
        refusedAtTheCall(log, () -> db.select(Author.class).selectRelated("books"), "books", "prefetchRelated");
        refusedAtTheCall(log, () -> db.select(Book.class).selectRelated("author__books"), "books", "prefetchRelated");
        refusedAtTheCall(log, () -> db.select(Novel.class).selectRelated("writer", "themes"), "themes",
                "prefetchRelated");
    }
}
