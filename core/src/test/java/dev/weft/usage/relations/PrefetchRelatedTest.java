package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.RelationSet;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Blog;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Country;
import dev.weft.test.model.Novel;
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
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code prefetchRelated}: one statement for the query, then one per path level that has something to load, whatever
 * the number of rows; the collections it fills answer iteration, size, count, exists and fetchAll from memory.
 */
@ExtendWith(WeftDatabaseExtension.class)
class PrefetchRelatedTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Review.class, User.class, Profile.class, Blog.class,
                Post.class, Country.class, Press.class, Writer.class, WriterProfile.class, Novel.class, Theme.class);
    }

    /** What the library holds, by name: the titles of each author, the category names of each title. */
    private record Library(Map<String, Set<String>> titlesOf, Map<String, Set<String>> categoriesOf) {
    }

    /**
     * {@code authors} authors "Author i"; author i has i % 4 books "Book i.b" (so some have none); book i.b is in
     * category "Cat (i + b) % 5" and, when b is 0, also in "Cat 5"; category "Cat 6" is empty.
     */
    private static Library library(Database db, StatementLog log, int authors) {
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            categories.add(new Category("Cat " + c));
        }
        db.saveAll(categories);
        Map<String, Set<String>> titlesOf = new HashMap<>();
        Map<String, Set<String>> categoriesOf = new HashMap<>();
        List<Author> all = new ArrayList<>();
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < authors; i++) {
            Author author = new Author("Author " + i, "a" + i + "@x");
            all.add(author);
            titlesOf.put(author.name, new TreeSet<>());
            for (int b = 0; b < i % 4; b++) {
                Book book = new Book("Book " + i + "." + b, author, LocalDate.of(2000 + b, 1, 1));
                books.add(book);
                titlesOf.get(author.name).add(book.title);
                categoriesOf.put(book.title, new TreeSet<>());
                Category category = categories.get((i + b) % 5);
                book.categories.add(category);
                categoriesOf.get(book.title).add(category.name);
                if (b == 0) {
                    book.categories.add(categories.get(5));
                    categoriesOf.get(book.title).add("Cat 5");
                }
            }
        }
        db.saveAll(all);
        db.saveAll(books);
        db.clearCache();
        log.clear();
        return new Library(titlesOf, categoriesOf);
    }

    private static int data(StatementLog log) {
        return log.dataStatements().size();
    }

    private static Set<String> titles(Iterable<Book> books) {
        Set<String> titles = new TreeSet<>();
        books.forEach(b -> titles.add(b.title));
        return titles;
    }

    private static Set<String> names(Iterable<Category> categories) {
        Set<String> names = new TreeSet<>();
        categories.forEach(c -> names.add(c.name));
        return names;
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

    /** Reads every prefetched collection of the authors every way the contract answers from memory. */
    private static void assertBooksFromMemory(Database db, StatementLog log, List<Author> authors, Library library) {
        int before = data(log);
        for (Author author : authors) {
            Set<String> expected = library.titlesOf().get(author.name);
            RelationSet<Book> books = db.related(author, "books");
            assertEquals(expected, titles(author.books), author.name);
            assertEquals(expected.size(), author.books.size());
            assertEquals(expected.size(), books.count());
            assertEquals(!expected.isEmpty(), books.exists());
            assertEquals(expected.isEmpty(), author.books.isEmpty());
            assertEquals(expected, titles(books.fetchAll()));
            for (Book book : author.books) {
                assertSame(author, book.author);
            }
        }
        assertEquals(before, data(log), "read from memory: " + log);
    }

    // ---- one level ----------------------------------------------------------------------------------

    @Test
    void aReverseForeignKeyIsOneStatementForAllOwners(Database db, StatementLog log) {
        Library library = library(db, log, 40);

        List<Author> authors = db.select(Author.class).prefetchRelated("books").fetchAll();

        assertEquals(2, data(log), log.toString());
        assertEquals(40, authors.size());
        assertBooksFromMemory(db, log, authors, library);
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void aManyToManyFromTheOwningSide(Database db, StatementLog log) {
        Library library = library(db, log, 20);

        List<Category> categories = db.select(Category.class).prefetchRelated("books").order("name").fetchAll();

        assertEquals(2, data(log), log.toString());
        for (Category category : categories) {
            Set<String> expected = new TreeSet<>();
            library.categoriesOf().forEach((title, names) -> {
                if (names.contains(category.name)) {
                    expected.add(title);
                }
            });
            assertEquals(expected, titles(category.books), category.name);
            assertEquals(expected.size(), category.books.size());
            assertEquals(expected.size(), category.books.count());
            assertEquals(!expected.isEmpty(), category.books.exists());
            assertEquals(expected, titles(category.books.fetchAll()));
        }
        assertTrue(categories.get(6).books.isEmpty(), "Cat 6");
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void aManyToManyFromTheInverseSide(Database db, StatementLog log) {
        Library library = library(db, log, 20);

        List<Book> books = db.select(Book.class).prefetchRelated("categories").fetchAll();

        assertEquals(2, data(log), log.toString());
        for (Book book : books) {
            assertEquals(library.categoriesOf().get(book.title), names(book.categories), book.title);
            assertEquals(library.categoriesOf().get(book.title).size(), db.related(book, "categories").count());
        }
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void aForeignKeyIsOneStatementForAllRows(Database db, StatementLog log) {
        library(db, log, 20);

        List<Book> books = db.select(Book.class).prefetchRelated("author").fetchAll();

        assertEquals(2, data(log), log.toString());
        for (Book book : books) {
            assertTrue(book.title.startsWith("Book " + book.author.name.substring(7) + "."), book.title);
            assertEquals("a" + book.author.name.substring(7) + "@x", book.author.email);
        }
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void theInverseSideOfAOneToOneIsSetOrNullWithoutAStatement(Database db, StatementLog log) {
        for (int i = 0; i < 12; i++) {
            User user = db.save(new User("user" + (char) ('a' + i)));
            if (i % 3 != 0) {
                db.save(new Profile(user, "bio " + i));
            }
        }
        db.clearCache();
        log.clear();

        List<User> users = db.select(User.class).prefetchRelated("profile").order("username").fetchAll();

        assertEquals(2, data(log), log.toString());
        for (int i = 0; i < 12; i++) {
            User user = users.get(i);
            if (i % 3 == 0) {
                assertNull(user.profile, user.username);
            } else {
                assertEquals("bio " + i, user.profile.bio);
                assertSame(user, user.profile.user);
            }
        }
        assertEquals(2, data(log), log.toString());
    }

    // ---- nested paths ---------------------------------------------------------------------------------

    @Test
    void nestedPathsAreOneStatementPerLevelWithSharedPrefixesMerged(Database db, StatementLog log) {
        Library library = library(db, log, 30);

        List<Author> authors = db.select(Author.class).prefetchRelated("books", "books__categories").fetchAll();

        assertEquals(3, data(log), log.toString());
        assertBooksFromMemory(db, log, authors, library);
        for (Author author : authors) {
            for (Book book : author.books) {
                assertEquals(library.categoriesOf().get(book.title), names(book.categories), book.title);
                assertEquals(book.categories.size(), db.related(book, "categories").count());
            }
        }
        assertEquals(3, data(log), log.toString());
    }

    @Test
    void aNestedPathAloneLoadsItsPrefixToo(Database db, StatementLog log) {
        Library library = library(db, log, 30);

        List<Author> authors = db.select(Author.class).prefetchRelated("books__categories").fetchAll();

        assertEquals(3, data(log), log.toString());
        assertBooksFromMemory(db, log, authors, library);
        int links = 0;
        for (Author author : authors) {
            for (Book book : author.books) {
                links += book.categories.size();
            }
        }
        assertEquals(library.categoriesOf().values().stream().mapToInt(Set::size).sum(), links);
        assertEquals(3, data(log), log.toString());
    }

    @Test
    void pathsGivenInSeveralCallsAddUp(Database db, StatementLog log) {
        library(db, log, 10);

        List<Author> authors = db.select(Author.class).prefetchRelated("books").prefetchRelated("books__categories")
                .fetchAll();
        authors.forEach(a -> a.books.forEach(b -> b.categories.size()));

        assertEquals(3, data(log), log.toString());
    }

    @Test
    void aForeignKeyThenAReverseForeignKey(Database db, StatementLog log) {
        Library library = library(db, log, 12);

        List<Book> books = db.select(Book.class).prefetchRelated("author__books").fetchAll();

        assertEquals(3, data(log), log.toString());
        for (Book book : books) {
            assertEquals(library.titlesOf().get(book.author.name), titles(book.author.books));
            assertTrue(book.author.books.contains(book));
        }
        assertEquals(3, data(log), log.toString());
    }

    @Test
    void fourLevelsAcrossEveryKindOfRelation(Database db, StatementLog log) {
        Library library = library(db, log, 12);
        List<Review> reviews = new ArrayList<>();
        for (Book book : db.select(Book.class).fetchAll()) {
            reviews.add(new Review(book, 4, "R " + book.title));
        }
        db.saveAll(reviews);
        db.clearCache();
        log.clear();

        List<Review> loaded = db.select(Review.class).prefetchRelated("book__author__books__categories").fetchAll();

        assertEquals(5, data(log), log.toString());
        for (Review review : loaded) {
            assertEquals("R " + review.book.title, review.reviewerName);
            Author author = review.book.author;
            assertEquals(library.titlesOf().get(author.name), titles(author.books));
            for (Book book : author.books) {
                assertEquals(library.categoriesOf().get(book.title), names(book.categories));
            }
        }
        assertEquals(5, data(log), log.toString());
    }

    @Test
    void nullableKeysAndAnInverseOneToOneOnTheShelf(Database db, StatementLog log) {
        Country france = db.save(new Country("FR", "France"));
        Press gallimard = db.save(new Press("Gallimard", france));
        Press indie = db.save(new Press("Indie", null));
        Writer camus = db.save(new Writer("Camus", gallimard));
        Writer kafka = db.save(new Writer("Kafka", indie));
        Writer anon = db.save(new Writer("Anon", null));
        db.save(new WriterProfile(camus, "Absurdist"));
        Theme absurd = db.save(new Theme("absurd"));
        Theme death = db.save(new Theme("death"));
        db.save(new Novel("The Stranger", 120, null, camus)).themes.add(absurd, death);
        db.save(new Novel("The Plague", 308, null, camus)).themes.add(death);
        db.save(new Novel("The Trial", 255, null, kafka)).themes.add(absurd);
        db.clearCache();
        log.clear();

        List<Writer> writers = db.select(Writer.class).prefetchRelated("press__country", "profile", "novels__themes")
                .order("name").fetchAll();

        assertEquals(1 + 2 + 1 + 2, data(log), log.toString());
        assertEquals(List.of("Anon", "Camus", "Kafka"), writers.stream().map(w -> w.name).toList());
        Writer anonLoaded = writers.get(0);
        Writer camusLoaded = writers.get(1);
        Writer kafkaLoaded = writers.get(2);
        assertNull(anonLoaded.press);
        assertNull(anonLoaded.profile);
        assertTrue(anonLoaded.novels.isEmpty());
        assertEquals("France", camusLoaded.press.country.name);
        assertEquals("Absurdist", camusLoaded.profile.bio);
        assertEquals(Set.of("The Stranger", "The Plague"),
                Set.copyOf(camusLoaded.novels.stream().map(n -> n.title).toList()));
        for (Novel novel : camusLoaded.novels) {
            assertEquals(novel.title.equals("The Plague") ? 1 : 2, novel.themes.size(), novel.title);
            assertEquals(novel.themes.size(), novel.themes.count());
        }
        assertEquals("Indie", kafkaLoaded.press.name);
        assertNull(kafkaLoaded.press.country);
        assertNull(kafkaLoaded.profile);
        assertEquals("absurd", kafkaLoaded.novels.get(0).themes.iterator().next().name);
        assertEquals(6, data(log), log.toString());
    }

    // ---- levels with nothing to load -------------------------------------------------------------------

    @Test
    void anEmptyResultIsOnlyTheQuery(Database db, StatementLog log) {
        library(db, log, 10);

        assertEquals(List.of(), db.select(Author.class).filter("name", "Nobody")
                .prefetchRelated("books__categories").fetchAll());
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void aLevelWithoutOwnersIssuesNothing(Database db, StatementLog log) {
        library(db, log, 10);

        List<Author> authors = db.select(Author.class).filter("books__isnull",
                true).prefetchRelated("books__categories")
                .fetchAll();

        assertEquals(3, authors.size(), "Author 0, 4, 8");
        assertEquals(2, data(log), "the query and the empty books level; no book, no categories level: " + log);
        authors.forEach(a -> assertTrue(a.books.isEmpty()));
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void aForeignKeyThatIsNullEverywhereIssuesNothing(Database db, StatementLog log) {
        db.saveAll(List.of(new Post("Orphan"), new Post("Stray")));
        db.clearCache();
        log.clear();

        List<Post> posts = db.select(Post.class).prefetchRelated("blog").fetchAll();

        assertEquals(2, posts.size());
        posts.forEach(p -> assertNull(p.blog));
        assertEquals(1, data(log), log.toString());
    }

    @Test
    void collectionsAlreadyLoadedAreNotLoadedAgain(Database db, StatementLog log) {
        Library library = library(db, log, 20);
        List<Author> held = db.select(Author.class).fetchAll();
        held.forEach(a -> a.books.size());
        log.clear();

        List<Author> authors = db.select(Author.class).prefetchRelated("books").fetchAll();

        assertEquals(1, data(log), log.toString());
        assertBooksFromMemory(db, log, authors, library);
        assertSame(held.get(0), authors.get(0));
    }

    @Test
    void objectsAlreadyLoadedAreNotLoadedAgain(Database db, StatementLog log) {
        library(db, log, 20);
        List<Author> held = db.select(Author.class).fetchAll();
        log.clear();

        List<Book> books = db.select(Book.class).prefetchRelated("author").fetchAll();
        books.forEach(b -> b.author.name.length());

        assertEquals(1, data(log), log.toString());
        assertTrue(held.contains(books.get(0).author));
    }

    @Test
    void aLevelPartlyLoadedLoadsTheRestInOneStatement(Database db, StatementLog log) {
        Library library = library(db, log, 20);
        List<Author> held = db.select(Author.class).filter("name__in", List.of("Author 1", "Author 2")).fetchAll();
        held.forEach(a -> a.books.size());
        log.clear();

        List<Author> authors = db.select(Author.class).prefetchRelated("books").fetchAll();

        assertEquals(2, data(log), log.toString());
        assertBooksFromMemory(db, log, authors, library);
    }

    @Test
    void aLevelAlreadyLoadedBySelectRelatedIssuesNothing(Database db, StatementLog log) {
        Library library = library(db, log, 12);

        List<Book> books = db.select(Book.class).selectRelated("author").prefetchRelated("author__books").fetchAll();

        assertEquals(2, data(log), log.toString());
        for (Book book : books) {
            assertEquals(library.titlesOf().get(book.author.name), titles(book.author.books));
        }
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void aLoadedCollectionKeepsItsChangesInMemory(Database db, StatementLog log) {
        library(db, log, 8);
        Author one = db.select(Author.class).filter("name", "Author 1").get();
        Author three = db.select(Author.class).filter("name", "Author 3").get();
        assertEquals(1, one.books.size());
        assertEquals(3, three.books.size());
        Book moved = three.books.get(0);
        moved.author = one;
        assertEquals(2, one.books.size(), "moved in memory, not saved");
        log.clear();

        List<Author> authors = db.select(Author.class).filter("name__in", List.of("Author 1", "Author 3"))
                .prefetchRelated("books").fetchAll();

        assertEquals(1, data(log), "both collections are loaded: " + log);
        assertEquals(2, authors.size());
        assertEquals(2, one.books.size());
        assertTrue(one.books.contains(moved));
        assertEquals(2, three.books.size());
        assertFalse(three.books.contains(moved));
    }

    // ---- after the prefetch ------------------------------------------------------------------------

    @Test
    void filterAndOrderOnAPrefetchedCollectionRunANewQuery(Database db, StatementLog log) {
        library(db, log, 8);
        List<Author> authors = db.select(Author.class).prefetchRelated("books").order("name").fetchAll();
        Author seven = authors.get(7);
        log.clear();

        RelationSet<Book> books = db.related(seven, "books");
        List<Book> filtered = books.filter("title__endswith", ".1").fetchAll();
        List<Book> ordered = books.order("-title").fetchAll();

        assertEquals(List.of("Book 7.1"), filtered.stream().map(b -> b.title).toList());
        assertEquals(List.of("Book 7.2", "Book 7.1", "Book 7.0"), ordered.stream().map(b -> b.title).toList());
        assertEquals(2, data(log), log.toString());
        assertEquals(3, seven.books.size());
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void worksAfterFilterOrderLimitAndOffset(Database db, StatementLog log) {
        Library library = library(db, log, 30);

        List<Author> authors = db.select(Author.class).filter("name__startswith", "Author 2").order("-name")
                .limit(3).offset(1).prefetchRelated("books__categories").fetchAll();

        assertEquals(List.of("Author 28", "Author 27", "Author 26"), authors.stream().map(a -> a.name).toList());
        assertEquals(3, data(log), log.toString());
        assertBooksFromMemory(db, log, authors, library);
    }

    @Test
    void aPrefetchedCollectionHoldsEveryRelatedRowNotOnlyThoseTheFilterMatched(Database db, StatementLog log) {
        Library library = library(db, log, 12);

        List<Author> authors = db.select(Author.class).filter("books__title__endswith", ".2")
                .prefetchRelated("books").order("name").fetchAll();

        assertEquals(List.of("Author 11", "Author 3", "Author 7"), authors.stream().map(a -> a.name).toList());
        assertEquals(2, data(log), log.toString());
        assertBooksFromMemory(db, log, authors, library);
    }

    @Test
    void fetchFirstAndGetPrefetchToo(Database db, StatementLog log) {
        Library library = library(db, log, 8);

        Author first = db.select(Author.class).order("-name").prefetchRelated("books").fetchFirst().orElseThrow();
        Author one = db.select(Author.class).filter("name", "Author 6").prefetchRelated("books").get();

        assertEquals(4, data(log), log.toString());
        assertBooksFromMemory(db, log, List.of(first, one), library);
    }

    @Test
    void streamPrefetchesForEachPageOfAThousand(Database db, StatementLog log) {
        Library library = library(db, log, 1200);

        List<Author> authors = db.select(Author.class).prefetchRelated("books").stream().toList();

        assertEquals(1200, authors.size());
        assertEquals(5, data(log), "the ids, then two pages, each with its books level: " + log.dataStatements().size());
        assertBooksFromMemory(db, log, authors, library);
    }

    // ---- relation sets ---------------------------------------------------------------------------------

    @Test
    void worksOnTheQueryOfARelationSet(Database db, StatementLog log) {
        Library library = library(db, log, 8);
        Author seven = db.select(Author.class).filter("name", "Author 7").get();
        log.clear();

        List<Book> books = ((RelationSet<Book>) seven.books).query().prefetchRelated("categories").fetchAll();

        assertEquals(2, data(log), log.toString());
        assertEquals(3, books.size());
        for (Book book : books) {
            assertEquals(library.categoriesOf().get(book.title), names(book.categories));
        }
        assertEquals(2, data(log), log.toString());
    }

    @Test
    void worksOnAFilteredRelationSetOfAManyToMany(Database db, StatementLog log) {
        Library library = library(db, log, 16);
        Category five = db.select(Category.class).filter("name", "Cat 5").get();
        log.clear();

        List<Book> books = db.<Book>related(five, "books").filter("title__startswith", "Book 1")
                .prefetchRelated("author__books", "categories").order("title").fetchAll();

        assertEquals(List.of("Book 1.0", "Book 10.0", "Book 11.0", "Book 13.0", "Book 14.0", "Book 15.0"),
                books.stream().map(b -> b.title).toList());
        assertEquals(4, data(log), log.toString());
        for (Book book : books) {
            assertEquals(library.categoriesOf().get(book.title), names(book.categories));
            assertEquals(library.titlesOf().get(book.author.name), titles(book.author.books));
        }
        assertEquals(4, data(log), log.toString());
    }

    // ---- many owners -----------------------------------------------------------------------------------

    @Test
    void moreThan1024OwnersAreOneStatementPerLevel(Database db, StatementLog log) {
        Library library = library(db, log, 1600);

        List<Author> authors = db.select(Author.class).prefetchRelated("books__categories").fetchAll();

        assertEquals(3, data(log), log.toString().length() > 2000 ? log.dataStatements().size() + " statements"
                : log.toString());
        assertEquals(1600, authors.size());
        assertBooksFromMemory(db, log, authors, library);
        int links = 0;
        for (Author author : authors) {
            for (Book book : author.books) {
                links += book.categories.size();
            }
        }
        assertEquals(library.categoriesOf().values().stream().mapToInt(Set::size).sum(), links);
        assertEquals(3, data(log));

        db.clearCache();
        log.clear();
        List<Book> books = db.select(Book.class).prefetchRelated("author").fetchAll();
        books.forEach(b -> b.author.name.length());
        assertEquals(2400, books.size());
        assertEquals(2, data(log));
    }

    // ---- mistakes ------------------------------------------------------------------------------------

    @Test
    void anUnknownNameIsRefusedAtTheCallListingTheValidNames(Database db, StatementLog log) {
        Query<Book> books = db.select(Book.class);

        refusedAtTheCall(log, () -> books.prefetchRelated("nope"), "nope", "author", "categories");
        refusedAtTheCall(log, () -> db.select(Author.class).prefetchRelated("books__nope"), "nope", "author",
                "categories");
        refusedAtTheCall(log, () -> db.select(Author.class).prefetchRelated("books", "book"), "book");
    }

    @Test
    void aFieldThatIsNotARelationIsRefusedAtTheCall(Database db, StatementLog log) {
        refusedAtTheCall(log, () -> db.select(Book.class).prefetchRelated("title"), "title");
        refusedAtTheCall(log, () -> db.select(Author.class).prefetchRelated("books__title"), "title");
    }
}
