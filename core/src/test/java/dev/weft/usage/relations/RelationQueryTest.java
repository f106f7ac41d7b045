package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.RestrictViolationException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Blog;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Country;
import dev.weft.test.model.Department;
import dev.weft.test.model.Employee;
import dev.weft.test.model.Novel;
import dev.weft.test.model.Post;
import dev.weft.test.model.Press;
import dev.weft.test.model.Profile;
import dev.weft.test.model.Review;
import dev.weft.test.model.Team;
import dev.weft.test.model.Theme;
import dev.weft.test.model.User;
import dev.weft.test.model.Writer;
import dev.weft.test.model.WriterProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static dev.weft.Filter.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filters, excludes, orders, counts, deletes and updates across relation paths of any depth, on small data sets whose
 * answers are worked out by hand (API.md section 4).
 *
 * <p>The library: Ann (ann@example.com) wrote Alpha (2001; SF, Poetry), Aleph (2003; SF) and Beta (2010; Poetry);
 * Bob (no e-mail) wrote Gamma (2005; SF) and Delta (no date, no category); Cid (cid@example.com) wrote nothing.
 * Category Empty has no books. Alpha has reviews by Zed (5) and Amy (3), Gamma one by Kim (4).
 *
 * <p>The shelf ({@link Novel} and friends, a chain of nullable keys): Camus (press Gallimard, France; bio "Absurdist
 * from Algeria") wrote The Stranger (themes absurd, death) and The Plague (death); Kafka (press Indie, which has no
 * country; no profile) wrote The Trial (absurd, justice); Anon (no press; a profile with no bio) wrote Untitled (no
 * theme). Theme unused has no novel.
 */
@ExtendWith(WeftDatabaseExtension.class)
class RelationQueryTest {

    private Author ann;
    private Author bob;
    private Author cid;
    private Book alpha;
    private Book aleph;
    private Book beta;
    private Book gamma;
    private Book delta;
    private Category sf;
    private Category poetry;
    private Category empty;

    private Writer camus;
    private Writer kafka;
    private Writer anon;
    private Press gallimard;
    private Press indie;
    private Country france;
    private Theme absurd;

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Review.class, User.class, Profile.class, Blog.class,
                Post.class, Team.class, Department.class, Employee.class, Country.class, Press.class, Writer.class,
                WriterProfile.class, Novel.class, Theme.class);
    }

    private void library(Database db, StatementLog log) {
        ann = db.save(new Author("Ann", "ann@example.com"));
        bob = db.save(new Author("Bob", null));
        cid = db.save(new Author("Cid", "cid@example.com"));
        alpha = db.save(new Book("Alpha", ann, LocalDate.of(2001, 5, 1)));
        aleph = db.save(new Book("Aleph", ann, LocalDate.of(2003, 1, 1)));
        beta = db.save(new Book("Beta", ann, LocalDate.of(2010, 2, 2)));
        gamma = db.save(new Book("Gamma", bob, LocalDate.of(2005, 3, 3)));
        delta = db.save(new Book("Delta", bob, null));
        sf = db.save(new Category("SF"));
        poetry = db.save(new Category("Poetry"));
        empty = db.save(new Category("Empty"));
        sf.books.add(alpha, aleph, gamma);
        poetry.books.add(beta, alpha);
        db.save(new Review(alpha, 5, "Zed"));
        db.save(new Review(alpha, 3, "Amy"));
        db.save(new Review(gamma, 4, "Kim"));
        db.clearCache();
        log.clear();
    }

    private void shelf(Database db, StatementLog log) {
        france = db.save(new Country("FR", "France"));
        gallimard = db.save(new Press("Gallimard", france));
        indie = db.save(new Press("Indie", null));
        camus = db.save(new Writer("Camus", gallimard));
        kafka = db.save(new Writer("Kafka", indie));
        anon = db.save(new Writer("Anon", null));
        db.save(new WriterProfile(camus, "Absurdist from Algeria"));
        db.save(new WriterProfile(anon, null));
        absurd = db.save(new Theme("absurd"));
        Theme death = db.save(new Theme("death"));
        Theme justice = db.save(new Theme("justice"));
        db.save(new Theme("unused"));
        Novel stranger = db.save(new Novel("The Stranger", 120, LocalDate.of(1942, 5, 19), camus));
        Novel plague = db.save(new Novel("The Plague", 308, LocalDate.of(1947, 6, 10), camus));
        Novel trial = db.save(new Novel("The Trial", 255, LocalDate.of(1925, 4, 26), kafka));
        db.save(new Novel("Untitled", 10, null, anon));
        stranger.themes.add(absurd, death);
        plague.themes.add(death);
        trial.themes.add(absurd, justice);
        db.clearCache();
        log.clear();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /**
     * Asserts the query matches exactly {@code expected} (by key), each row once: fetchAll has no duplicate, and
     * count and exists agree with it.
     */
    private static <T> void assertRows(Query<T> query, Function<T, String> key, String... expected) {
        List<T> rows = query.fetchAll();
        List<String> keys = rows.stream().map(key).toList();
        assertEquals(new TreeSet<>(List.of(expected)), new TreeSet<>(keys), "rows");
        assertEquals(expected.length, keys.size(), "each row once: " + keys);
        assertEquals(expected.length, query.count(), "count() agrees with fetchAll(): " + keys);
        assertEquals(expected.length > 0, query.exists(), "exists()");
    }

    private static void assertBooks(Query<Book> query, String... titles) {
        assertRows(query, b -> b.title, titles);
    }

    private static void assertAuthors(Query<Author> query, String... names) {
        assertRows(query, a -> a.name, names);
    }

    private static void assertNovels(Query<Novel> query, String... titles) {
        assertRows(query, n -> n.title, titles);
    }

    private static void assertWriters(Query<Writer> query, String... names) {
        assertRows(query, w -> w.name, names);
    }

    private static <T> List<String> inOrder(Query<T> query, Function<T, String> key) {
        return query.fetchAll().stream().map(key).toList();
    }

    private static void assertMentions(Throwable e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(word),
                    "message lacks '" + word + "': " + e.getMessage());
        }
    }

    /** The call itself throws a QueryException mentioning the words, and sends nothing to the database. */
    private static QueryException refusedAtTheCall(StatementLog log, Executable call, String... words) {
        log.clear();
        QueryException e = assertThrows(QueryException.class, call);
        assertMentions(e, words);
        assertEquals(0, log.count(), "nothing was sent: " + log);
        return e;
    }

    // ---- to-one paths -------------------------------------------------------------------------------

    @Test
    void filterAcrossAForeignKey(Database db, StatementLog log) {
        library(db, log);

        assertBooks(db.select(Book.class).filter("author__name", "Ann"), "Alpha", "Aleph", "Beta");
        assertBooks(db.select(Book.class).filter("author__name__icontains", "AN"), "Alpha", "Aleph", "Beta");
        assertBooks(db.select(Book.class).filter("author__email__endswith", "example.com"), "Alpha", "Aleph", "Beta");
        assertBooks(db.select(Book.class).filter("author__name__in", List.of("Bob", "Cid")), "Gamma", "Delta");
        assertBooks(db.select(Book.class).filter("author__name", "Nobody"));
    }

    @Test
    void filterAcrossAForeignKeyComparesWithNullLikeOnTheEntitysOwnColumns(Database db, StatementLog log) {
        library(db, log);

        assertBooks(db.select(Book.class).filter("author__email", null), "Gamma", "Delta");
        assertBooks(db.select(Book.class).filter("author__email__isnull", true), "Gamma", "Delta");
        assertBooks(db.select(Book.class).filter("author__email__isnull", false), "Alpha", "Aleph", "Beta");
    }

    @Test
    void filterAcrossTwoForeignKeysAndOnToAToManyPath(Database db, StatementLog log) {
        library(db, log);

        assertRows(db.select(Review.class).filter("book__author__name", "Bob"), r -> r.reviewerName, "Kim");
        assertRows(db.select(Review.class).filter("book__title__startswith", "Al"), r -> r.reviewerName, "Zed", "Amy");
        assertRows(db.select(Review.class).filter("book__categories__name", "Poetry"), r -> r.reviewerName,
                "Zed", "Amy");
        assertRows(db.select(Review.class).filter("book__author__books__title", "Beta"), r -> r.reviewerName,
                "Zed", "Amy");
    }

    @Test
    void excludeOnAToOnePathIsTheExactComplementAndKeepsRowsWhoseRelationIsNull(Database db) {
        Blog tech = db.save(new Blog("Tech"));
        Blog food = db.save(new Blog("Food"));
        db.saveAll(List.of(new Post("Hello", tech), new Post("Apples", food), new Post("Orphan"), new Post("Zebra",
                tech)));
        db.clearCache();

        assertRows(db.select(Post.class).filter("blog__name", "Tech"), p -> p.title, "Hello", "Zebra");
        assertRows(db.select(Post.class).exclude("blog__name", "Tech"), p -> p.title, "Apples", "Orphan");
        assertRows(db.select(Post.class).filter(Filter.not(where("blog__name", "Tech"))), p -> p.title,
                "Apples", "Orphan");
        assertRows(db.select(Post.class).exclude("blog__name__startswith", "F"), p -> p.title,
                "Hello", "Orphan", "Zebra");
        assertRows(db.select(Post.class).filter("blog__isnull", true), p -> p.title, "Orphan");
        assertRows(db.select(Post.class).filter("blog__isnull", false), p -> p.title, "Hello", "Apples", "Zebra");
    }

    @Test
    void excludeOnABookAuthorsNullEmailKeepsTheBook(Database db, StatementLog log) {
        library(db, log);

        assertBooks(db.select(Book.class).exclude("author__email__endswith", "example.com"), "Gamma", "Delta");
    }

    @Test
    void theInverseSideOfAOneToOneIsAToOnePath(Database db) {
        User ada = db.save(new User("ada"));
        User bert = db.save(new User("bert"));
        User carl = db.save(new User("carl"));
        Profile adas = db.save(new Profile(ada, "Writes Java"));
        db.save(new Profile(bert, "Plays chess"));
        db.clearCache();

        assertRows(db.select(User.class).filter("profile__bio__icontains", "JAVA"), u -> u.username, "ada");
        assertRows(db.select(User.class).exclude("profile__bio__icontains", "JAVA"), u -> u.username, "bert", "carl");
        assertRows(db.select(User.class).filter("profile__isnull", true), u -> u.username, "carl");
        assertRows(db.select(User.class).filter("profile__isnull", false), u -> u.username, "ada", "bert");
        assertRows(db.select(User.class).filter("profile", adas), u -> u.username, "ada");
        assertRows(db.select(User.class).filter("profile", adas.id), u -> u.username, "ada");
        assertRows(db.select(User.class).exclude("profile", adas), u -> u.username, "bert", "carl");
        assertRows(db.select(Profile.class).filter("user__username", "bert"), p -> p.bio, "Plays chess");
        assertRows(db.select(Profile.class).filter("user__profile__bio", "Writes Java"), p -> p.bio, "Writes Java");
    }

    @Test
    void aChainOfNullableKeysMatchesOnlyWhereTheWholeChainExists(Database db, StatementLog log) {
        shelf(db, log);

        assertNovels(db.select(Novel.class).filter("writer__press__country__name", "France"),
                "The Stranger", "The Plague");
        assertNovels(db.select(Novel.class).exclude("writer__press__country__name", "France"), "The Trial", "Untitled");
        assertNovels(db.select(Novel.class).filter("writer__press__country", "FR"), "The Stranger", "The Plague");
        assertNovels(db.select(Novel.class).filter("writer__press__country", france), "The Stranger", "The Plague");
        assertNovels(db.select(Novel.class).filter("writer__press__name__in", List.of("Indie", "Other")), "The Trial");
        assertNovels(db.select(Novel.class).filter("writer__press", indie), "The Trial");
        assertNovels(db.select(Novel.class).filter("writer__press", gallimard.id), "The Stranger", "The Plague");
        assertNovels(db.select(Novel.class).filter("writer__press__isnull", true), "Untitled");
        assertNovels(db.select(Novel.class).exclude("writer__press", indie), "The Stranger", "The Plague", "Untitled");
    }

    @Test
    void isnullAtTheEndOfANullableChainHoldsWhereAnyLinkIsMissing(Database db, StatementLog log) {
        shelf(db, log);

        assertNovels(db.select(Novel.class).filter("writer__press__country__isnull", true), "The Trial", "Untitled");
        assertNovels(db.select(Novel.class).filter("writer__press__country__isnull", false),
                "The Stranger", "The Plague");
        assertNovels(db.select(Novel.class).filter("writer__profile__bio__isnull", true), "The Trial", "Untitled");
    }

    @Test
    void anInverseOneToOneReachedThroughAForeignKey(Database db, StatementLog log) {
        shelf(db, log);

        assertNovels(db.select(Novel.class).filter("writer__profile__isnull", true), "The Trial");
        assertNovels(db.select(Novel.class).filter("writer__profile__isnull", false),
                "The Stranger", "The Plague", "Untitled");
        assertNovels(db.select(Novel.class).filter("writer__profile__bio__icontains", "ABSURD"),
                "The Stranger", "The Plague");
        assertNovels(db.select(Novel.class).exclude("writer__profile__bio__icontains", "ABSURD"),
                "The Trial", "Untitled");
        WriterProfile profile = db.select(WriterProfile.class).filter("writer__name", "Camus").get();
        assertNovels(db.select(Novel.class).filter("writer__profile", profile), "The Stranger", "The Plague");
        assertWriters(db.select(Writer.class).filter("profile__bio__startswith", "Absurd"), "Camus");
        assertWriters(db.select(Writer.class).filter("profile__isnull", true), "Kafka");
    }

    // ---- to-many paths ------------------------------------------------------------------------------

    @Test
    void filterAcrossAReverseForeignKeyReturnsEachRowOnce(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).filter("books__title__startswith", "A"), "Ann");
        assertAuthors(db.select(Author.class).filter("books__publishedDate__gt", LocalDate.of(2000, 1, 1)), "Ann",
                "Bob");
        assertAuthors(db.select(Author.class).filter("books", gamma), "Bob");
        assertAuthors(db.select(Author.class).filter("books", gamma.id), "Bob");
        assertAuthors(db.select(Author.class).filter("books__in", List.of(alpha, aleph, gamma)), "Ann", "Bob");
    }

    @Test
    void filterAcrossAManyToManyFromTheOwningSide(Database db, StatementLog log) {
        library(db, log);

        assertBooks(db.select(Category.class).filter("name", "SF").get().books.filter("title__startswith", "A"),
                "Alpha", "Aleph");
        assertRows(db.select(Category.class).filter("books__title", "Beta"), c -> c.name, "Poetry");
        assertRows(db.select(Category.class).filter("books__author__name", "Bob"), c -> c.name, "SF");
        assertRows(db.select(Category.class).filter("books__author", bob), c -> c.name, "SF");
        assertRows(db.select(Category.class).filter("books__in", List.of(alpha, beta)), c -> c.name, "SF", "Poetry");
    }

    @Test
    void filterAcrossAManyToManyFromTheInverseSide(Database db, StatementLog log) {
        library(db, log);

        assertBooks(db.select(Book.class).filter("categories__name", "SF"), "Alpha", "Aleph", "Gamma");
        assertBooks(db.select(Book.class).filter("categories__name__in", List.of("SF", "Poetry")),
                "Alpha", "Aleph", "Beta", "Gamma");
        assertBooks(db.select(Book.class).filter("categories", poetry), "Alpha", "Beta");
        assertBooks(db.select(Book.class).filter("categories", poetry.id), "Alpha", "Beta");
        assertBooks(db.select(Book.class).filter("categories__in", List.of(sf, poetry)), "Alpha", "Aleph", "Beta",
                "Gamma");
        assertBooks(db.select(Book.class).filter("categories__in", List.of(empty)));
    }

    @Test
    void filterThroughTwoToManyRelations(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).filter("books__categories__name", "Poetry"), "Ann");
        assertAuthors(db.select(Author.class).filter("books__categories", sf), "Ann", "Bob");
        assertBooks(db.select(Book.class).filter("categories__books__title", "Gamma"), "Alpha", "Aleph", "Gamma");
        assertBooks(db.select(Book.class).filter("author__books__categories__name", "Poetry"), "Alpha", "Aleph",
                "Beta");
    }

    @Test
    void aToManyPathInsideAToManySubqueryJoinsItsOwnToOneRelations(Database db, StatementLog log) {
        library(db, log);

        assertBooks(db.select(Book.class).filter("categories__books__author__name", "Bob"), "Alpha", "Aleph", "Gamma");
        assertBooks(db.select(Book.class).exclude("categories__books__author__email", null), "Beta", "Delta");
        assertRows(db.<Category>related(db.get(Book.class, alpha.id), "categories").filter("books__title", "Beta"),
                c -> c.name, "Poetry");
    }

    @Test
    void aNegativeLookupOnAToManyPathAsksForARelatedRowThatDiffers(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).filter("books__title__ne", "Alpha"), "Ann", "Bob");
        assertAuthors(db.select(Author.class).filter("books__title__not_in", List.of("Gamma", "Delta")), "Ann");
        assertAuthors(db.select(Author.class).exclude("books__title__ne", "Gamma"), "Cid");
    }

    @Test
    void countHonoursLimitAndOffsetWithAToManyFilter(Database db, StatementLog log) {
        library(db, log);
        Query<Author> withSf = db.select(Author.class).filter("books__categories__name", "SF");

        assertEquals(2, withSf.count());
        assertEquals(1, withSf.limit(1).count());
        assertEquals(1, withSf.offset(1).count());
        assertEquals(0, withSf.offset(2).count());
    }

    @Test
    void aPathBackToTheSameTableJoinsItAgain(Database db) {
        Department research = db.save(new Department("Research"));
        Department sales = db.save(new Department("Sales"));
        Department empty = db.save(new Department("Empty"));
        Employee ada = db.save(new Employee("Ada", research));
        Employee bo = db.save(new Employee("Bo", research));
        research.head = ada;
        sales.head = bo;
        db.save(research);
        db.save(sales);
        db.clearCache();

        assertRows(db.select(Department.class).filter("head__department__name", "Research"), d -> d.name,
                "Research", "Sales");
        assertRows(db.select(Department.class).exclude("head__department__name", "Research"), d -> d.name, "Empty");
        assertRows(db.select(Employee.class).filter("department__head__name", "Ada"), e -> e.name, "Ada", "Bo");
        assertEquals(List.of("Empty", "Research", "Sales"),
                inOrder(db.select(Department.class).order("head__department__name", "name"), d -> d.name));
        List<Department> joined = db.select(Department.class).selectRelated("head__department").order("name")
                .fetchAll();
        assertEquals(List.of("Empty", "Research", "Sales"), joined.stream().map(d -> d.name).toList());
        assertSame(joined.get(1), joined.get(1).head.department);
        assertSame(joined.get(1), joined.get(2).head.department);
        assertEquals(empty.id, joined.get(0).id);
    }

    @Test
    void eachFilterCallOnAToManyPathIsItsOwnCondition(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class)
                .filter("books__title__startswith", "A")
                .filter("books__publishedDate__gt", LocalDate.of(2008, 1, 1)), "Ann");
        assertBooks(db.select(Book.class).filter("categories__name", "SF").filter("categories__name", "Poetry"),
                "Alpha");
    }

    @Test
    void thePartsOfOneAndMustHoldForTheSameRelatedRow(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).filter(Filter.and(
                where("books__title__startswith", "A"),
                where("books__publishedDate__gt", LocalDate.of(2008, 1, 1)))));
        assertAuthors(db.select(Author.class).filter(Filter.and(
                where("books__title__startswith", "A"),
                where("books__publishedDate__lt", LocalDate.of(2002, 1, 1)))), "Ann");
        assertBooks(db.select(Book.class).filter(Filter.and(
                where("categories__name", "SF"), where("categories__name", "Poetry"))));
        assertAuthors(db.select(Author.class).filter(Filter.and(
                where("name", "Ann"), where("books__title", "Alpha"), where("books__publishedDate__gt",
                        LocalDate.of(2008, 1, 1)))));
    }

    @Test
    void theSameRowRuleAppliesAtEachToManyStepOfANestedPath(Database db, StatementLog log) {
        shelf(db, log);

        assertWriters(db.select(Writer.class).filter("novels__themes__name", "death").filter("novels__themes__name",
                "absurd"),
                "Camus");
        assertWriters(db.select(Writer.class).filter(Filter.and(
                where("novels__themes__name", "death"), where("novels__themes__name", "absurd"))));
        assertWriters(db.select(Writer.class).filter(Filter.and(
                where("novels__themes__name", "absurd"), where("novels__title__contains", "Plague"))));
        assertWriters(db.select(Writer.class).filter("novels__themes__name", "absurd")
                .filter("novels__title__contains", "Plague"), "Camus");
        assertWriters(db.select(Writer.class).filter(Filter.and(
                where("novels__themes__name", "absurd"), where("novels__pages__gt", 200))), "Kafka");
        assertWriters(db.select(Writer.class).exclude("novels__themes__name", "absurd"), "Anon");
        assertWriters(db.select(Writer.class).exclude(Filter.and(
                where("novels__themes__name", "absurd"), where("novels__pages__gt", 200))), "Camus", "Anon");
    }

    @Test
    void orOfToManyPartsHoldsWhenAnyDoes(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).filter(Filter.or(where("books__title", "Gamma"), where("books__title",
                "Beta"))),
                "Ann", "Bob");
        assertAuthors(db.select(Author.class).filter(Filter.or(where("books__isnull", true), where("books__title",
                "Beta"))),
                "Ann", "Cid");
    }

    @Test
    void excludeOnAToManyPathMeansNoRelatedRowMatches(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).exclude("books__title__startswith", "A"), "Bob", "Cid");
        assertAuthors(db.select(Author.class).exclude("books__categories__name", "Poetry"), "Bob", "Cid");
        assertAuthors(db.select(Author.class).filter(Filter.not(where("books__title__startswith", "A"))), "Bob", "Cid");
        assertBooks(db.select(Book.class).exclude("categories", sf), "Beta", "Delta");
        assertBooks(db.select(Book.class).exclude("categories__name__in", List.of("SF", "Poetry")), "Delta");
        assertRows(db.select(Category.class).exclude("books__author", ann), c -> c.name, "Empty");
    }

    @Test
    void excludeOfAnAndOverAToManyPathMeansNoSingleRelatedRowMatchesAllParts(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).exclude(Filter.and(
                where("books__title__startswith", "A"),
                where("books__publishedDate__gt", LocalDate.of(2008, 1, 1)))), "Ann", "Bob", "Cid");
        assertAuthors(db.select(Author.class).exclude(Filter.and(
                where("books__title__startswith", "A"),
                where("books__publishedDate__lt", LocalDate.of(2002, 1, 1)))), "Bob", "Cid");
        assertAuthors(db.select(Author.class).filter(Filter.not(Filter.and(
                where("books__title__startswith", "A"),
                where("books__publishedDate__lt", LocalDate.of(2002, 1, 1))))), "Bob", "Cid");
    }

    @Test
    void notOverAToManyPathInsideAnAnd(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).filter(Filter.and(
                where("email__isnull", false), Filter.not(where("books__title", "Alpha")))), "Cid");
        assertAuthors(db.select(Author.class).filter(Filter.and(
                where("books__title__startswith", "A"), Filter.not(where("books__title", "Beta")))));
    }

    @Test
    void isnullOnAToManyPathMeansNoRelatedRowOrAtLeastOne(Database db, StatementLog log) {
        library(db, log);

        assertAuthors(db.select(Author.class).filter("books__isnull", true), "Cid");
        assertAuthors(db.select(Author.class).filter("books__isnull", false), "Ann", "Bob");
        assertBooks(db.select(Book.class).filter("categories__isnull", true), "Delta");
        assertBooks(db.select(Book.class).filter("categories__isnull", false), "Alpha", "Aleph", "Beta", "Gamma");
        assertRows(db.select(Category.class).filter("books__isnull", true), c -> c.name, "Empty");
        assertAuthors(db.select(Author.class).exclude("books__isnull", true), "Ann", "Bob");
    }

    @Test
    void aToManyFilterWorksWithOrderLimitAndOffset(Database db, StatementLog log) {
        library(db, log);
        Query<Author> withSf = db.select(Author.class).filter("books__categories__name", "SF").order("-name");

        assertEquals(List.of("Bob", "Ann"), inOrder(withSf, a -> a.name));
        assertEquals(List.of("Bob"), inOrder(withSf.limit(1), a -> a.name));
        assertEquals(List.of("Ann"), inOrder(withSf.limit(1).offset(1), a -> a.name));
        assertEquals("Ann", withSf.fetchLast().orElseThrow().name);
    }

    @Test
    void relationPathFiltersWorkOnRelationSets(Database db, StatementLog log) {
        library(db, log);
        Author loadedAnn = db.get(Author.class, ann.id);
        Category loadedSf = db.get(Category.class, sf.id);

        assertBooks(db.<Book>related(loadedAnn, "books").filter("categories__name", "SF"), "Alpha", "Aleph");
        assertBooks(db.<Book>related(loadedAnn, "books").query().exclude("categories__name", "SF"), "Beta");
        assertBooks(loadedSf.books.filter("author__name", "Bob"), "Gamma");
        assertBooks(loadedSf.books.query().filter("categories__name", "Poetry"), "Alpha");
    }

    // ---- order ---------------------------------------------------------------------------------------

    @Test
    void orderAcrossAForeignKeyThenByAColumn(Database db, StatementLog log) {
        library(db, log);

        assertEquals(List.of("Beta", "Aleph", "Alpha", "Gamma", "Delta"),
                inOrder(db.select(Book.class).order("author__name", "-publishedDate"), b -> b.title));
        assertEquals(List.of("Delta", "Gamma", "Alpha", "Aleph", "Beta"),
                inOrder(db.select(Book.class).order("-author__name", "publishedDate"), b -> b.title));
    }

    @Test
    void orderAcrossTwoForeignKeys(Database db, StatementLog log) {
        library(db, log);

        assertEquals(List.of("Zed", "Amy", "Kim"),
                inOrder(db.select(Review.class).order("book__author__name", "-stars"), r -> r.reviewerName));
        assertEquals(List.of("Kim", "Amy", "Zed"),
                inOrder(db.select(Review.class).order("-book__author__name", "stars"), r -> r.reviewerName));
    }

    @Test
    void orderAcrossANullableKeyKeepsRowsWithoutTargetAndSortsThemFirst(Database db) {
        Blog tech = db.save(new Blog("Tech"));
        Blog food = db.save(new Blog("Food"));
        db.saveAll(List.of(new Post("Hello", tech), new Post("Apples", food), new Post("Orphan"), new Post("Zebra",
                tech)));
        db.clearCache();

        assertEquals(List.of("Orphan", "Apples", "Hello", "Zebra"),
                inOrder(db.select(Post.class).order("blog__name", "title"), p -> p.title));
        assertEquals(List.of("Hello", "Zebra", "Apples", "Orphan"),
                inOrder(db.select(Post.class).order("-blog__name", "title"), p -> p.title));
    }

    @Test
    void orderAcrossAChainOfNullableKeysAndAnInverseOneToOne(Database db, StatementLog log) {
        shelf(db, log);

        assertEquals(List.of("The Trial", "Untitled", "The Plague", "The Stranger"),
                inOrder(db.select(Novel.class).order("writer__press__country__name", "title"), n -> n.title));
        assertEquals(List.of("The Trial", "The Plague", "The Stranger", "Untitled"),
                inOrder(db.select(Novel.class).order("-writer__press__name", "title"), n -> n.title));
        assertEquals(List.of("Anon", "Kafka", "Camus"),
                inOrder(db.select(Writer.class).order("profile__bio", "name"), w -> w.name));
        assertEquals(List.of("Untitled", "The Trial", "The Stranger", "The Plague"),
                inOrder(db.select(Novel.class).order("writer__profile__bio", "-title"), n -> n.title));
    }

    @Test
    void orderAcrossAToOnePathWithAFilterOnAnother(Database db, StatementLog log) {
        library(db, log);

        assertEquals(List.of("Zed", "Amy"), inOrder(db.select(Review.class)
                .filter("book__categories__name", "Poetry").order("book__author__name", "-stars"),
                        r -> r.reviewerName));
        assertEquals(List.of("Aleph", "Alpha", "Gamma"), inOrder(db.select(Book.class)
                .filter("categories__name", "SF").order("author__name", "title"), b -> b.title));
    }

    @Test
    void orderAcrossAToManyPathIsRefusedAtTheOrderCall(Database db, StatementLog log) {
        library(db, log);

        refusedAtTheCall(log, () -> db.select(Author.class).order("books__title"), "books");
        refusedAtTheCall(log, () -> db.select(Book.class).order("-categories__name"), "categories");
        refusedAtTheCall(log, () -> db.select(Book.class).order("author__books__title"), "books");
        refusedAtTheCall(log, () -> db.select(Book.class).order("categories"), "Book.categories is a to-many",
                "query Category");
        refusedAtTheCall(log, () -> db.select(Book.class).order("author__books"), "Author.books is a to-many");
    }

    @Test
    void orderByAnUnknownNameOnARelationPathIsRefusedAtTheOrderCall(Database db, StatementLog log) {
        library(db, log);

        refusedAtTheCall(log, () -> db.select(Book.class).order("author__nope"), "nope", "name", "email");
        refusedAtTheCall(log, () -> db.select(Review.class).order("-book__author__nope"), "nope", "name", "email");
    }

    // ---- validation -----------------------------------------------------------------------------------

    @Test
    void anUnknownFieldOnARelationPathIsRefusedAtTheCallListingTheValidNames(Database db, StatementLog log) {
        library(db, log);

        refusedAtTheCall(log, () -> db.select(Book.class).filter("author__nope", 1), "nope", "name", "email");
        refusedAtTheCall(log, () -> db.select(Book.class).filter("categories__nope", 1), "nope", "name");
        refusedAtTheCall(log, () -> db.select(Author.class).filter("books__nope__gt", 1), "nope", "title",
                "publishedDate");
        refusedAtTheCall(log, () -> db.select(Review.class).filter("book__author__books__nope", 1), "nope", "title");
        refusedAtTheCall(log, () -> db.select(Book.class).exclude("categories__nope", 1), "nope", "name");
        refusedAtTheCall(log, () -> db.select(Book.class).filter(where("author__nope", 1)), "nope", "name");
        refusedAtTheCall(log, () -> db.select(Book.class).filter(Filter.and(where("title", "x"),
                Filter.not(where("categories__books__nope", 1)))), "nope", "title");
        Author loadedAnn = db.get(Author.class, ann.id);
        refusedAtTheCall(log, () -> db.<Book>related(loadedAnn, "books").filter("author__nope", 1), "nope", "name");
    }

    @Test
    void anUnknownLookupOnARelationPathIsRefusedAtTheCall(Database db, StatementLog log) {
        library(db, log);

        refusedAtTheCall(log, () -> db.select(Book.class).filter("author__name__resembles", "x"), "resembles",
                "icontains");
        refusedAtTheCall(log, () -> db.select(Author.class).filter("books__title__resembles", "x"), "resembles",
                "icontains");
    }

    @Test
    void aWrongValueOnARelationPathIsRefusedAtTheCall(Database db, StatementLog log) {
        library(db, log);
        Team team = db.save(new Team("Reds"));

        refusedAtTheCall(log, () -> db.select(Book.class).filter("author__name__in", "Ann"), "author__name__in");
        refusedAtTheCall(log, () -> db.select(Author.class).filter("books__title__gt", List.of("a", "b")),
                "books__title__gt");
        assertThrows(QueryException.class, () -> db.select(Book.class).filter("categories", team));
        assertThrows(QueryException.class, () -> db.select(Author.class).filter("books__isnull", "yes"));
    }

    // ---- count, exists, delete, update -------------------------------------------------------------

    @Test
    void countAndExistsCountEachRowOnce(Database db, StatementLog log) {
        library(db, log);

        assertEquals(2, db.select(Author.class).filter("books__categories__name__in", List.of("SF", "Poetry")).count());
        assertEquals(1, db.select(Author.class).filter("books__categories__name__in", List.of("SF", "Poetry"))
                .filter("books__title", "Beta").count());
        assertEquals(4, db.select(Book.class).filter("categories__isnull", false).count());
        assertTrue(db.select(Category.class).filter("books__author__email", null).exists());
        assertFalse(db.select(Author.class).filter("books__categories", empty).exists());
        assertFalse(db.select(Author.class).filter(Filter.and(where("books__title", "Alpha"), where("books__title",
                "Beta")))
                .exists());
    }

    @Test
    void deleteAcrossAToManyPathDeletesEachOwnerOnceAndCascades(Database db, StatementLog log) {
        library(db, log);

        long deleted = db.select(Author.class).filter("books__categories__name", "Poetry").delete();

        assertEquals(1, deleted, "Ann, once, though two of her books are poetry");
        assertAuthors(db.select(Author.class), "Bob", "Cid");
        assertBooks(db.select(Book.class), "Gamma", "Delta");
        assertRows(db.select(Review.class), r -> r.reviewerName, "Kim");
        assertBooks(db.select(Book.class).filter("categories__name", "SF"), "Gamma");
        assertEquals(0, db.select(Book.class).filter("categories__name", "Poetry").count());
    }

    @Test
    void deleteAcrossARelationReachesObjectsAndCollectionsLoadedInMemory(Database db, StatementLog log) {
        library(db, log);
        Author loadedAnn = db.get(Author.class, ann.id);
        Category loadedSf = db.get(Category.class, sf.id);
        assertEquals(3, loadedAnn.books.size());
        assertEquals(3, loadedSf.books.size());
        Book loadedAlpha = db.get(Book.class, alpha.id);

        assertEquals(2, db.select(Book.class).filter("categories__name", "Poetry").delete());

        assertEquals(List.of("Aleph"), loadedAnn.books.stream().map(b -> b.title).toList());
        assertEquals(Set.of("Aleph", "Gamma"), Set.copyOf(loadedSf.books.stream().map(b -> b.title).toList()));
        assertTrue(db.find(Book.class, loadedAlpha.id).isEmpty());
        assertRows(db.select(Review.class), r -> r.reviewerName, "Kim");
    }

    @Test
    void updateAcrossARelationReachesObjectsLoadedInMemory(Database db, StatementLog log) {
        library(db, log);
        Author loadedAnn = db.get(Author.class, ann.id);
        List<Book> hers = List.copyOf(loadedAnn.books);
        Book changed = hers.get(0);
        changed.title = "Kept";

        assertEquals(3, db.select(Book.class).filter("author__email__endswith", "example.com")
                .update(Map.of("title", "Bulk", "publishedDate", LocalDate.of(1999, 9, 9))));

        for (Book book : hers) {
            assertEquals(LocalDate.of(1999, 9, 9), book.publishedDate, book.title);
            assertEquals(book == changed ? "Kept" : "Bulk", book.title);
        }
    }

    @Test
    void deleteAcrossARelationSetsNullOnDependantsLoadedInMemory(Database db) {
        Blog tech = db.save(new Blog("Tech"));
        db.saveAll(List.of(new Post("Hello", tech), new Post("Zebra", tech)));
        db.clearCache();
        List<Post> posts = db.select(Post.class).fetchAll();
        assertEquals("Tech", posts.get(0).blog.name);

        assertEquals(1, db.select(Blog.class).filter("posts__title", "Zebra").delete());

        assertNull(posts.get(0).blog);
        assertNull(posts.get(1).blog);
    }

    @Test
    void deleteAcrossAForeignKey(Database db, StatementLog log) {
        library(db, log);

        assertEquals(2, db.select(Book.class).filter("author__name", "Bob").delete());

        assertBooks(db.select(Book.class), "Alpha", "Aleph", "Beta");
        assertRows(db.select(Review.class), r -> r.reviewerName, "Zed", "Amy");
        assertAuthors(db.select(Author.class), "Ann", "Bob", "Cid");
    }

    @Test
    void deleteWithAnExcludeOnAToManyPath(Database db, StatementLog log) {
        library(db, log);

        assertEquals(2, db.select(Author.class).exclude("books__title__startswith", "A").delete());

        assertAuthors(db.select(Author.class), "Ann");
        assertBooks(db.select(Book.class), "Alpha", "Aleph", "Beta");
    }

    @Test
    void deleteAcrossAManyToManyRemovesTheLinksButNotTheOtherSide(Database db, StatementLog log) {
        library(db, log);

        assertEquals(1, db.select(Category.class).filter("books__title", "Beta").delete());

        assertRows(db.select(Category.class), c -> c.name, "SF", "Empty");
        assertEquals(5, db.select(Book.class).count());
        assertBooks(db.select(Book.class).filter("categories__isnull", true), "Beta", "Delta");
    }

    @Test
    void deleteAcrossARelationHonoursSetNull(Database db) {
        Blog tech = db.save(new Blog("Tech"));
        Blog food = db.save(new Blog("Food"));
        db.saveAll(List.of(new Post("Hello", tech), new Post("Apples", food), new Post("Orphan"), new Post("Zebra",
                tech)));
        db.clearCache();

        assertEquals(1, db.select(Blog.class).filter("posts__title__in", List.of("Hello", "Zebra")).delete());

        assertRows(db.select(Blog.class), b -> b.name, "Food");
        assertRows(db.select(Post.class).filter("blog__isnull", true), p -> p.title, "Hello", "Orphan", "Zebra");
    }

    @Test
    void deleteAcrossARelationHonoursRestrictAndDeletesNothing(Database db) {
        Department research = db.save(new Department("Research"));
        Department sales = db.save(new Department("Sales"));
        Employee boss = db.save(new Employee("Boss", research));
        research.head = boss;
        db.save(research);
        db.clearCache();

        assertThrows(RestrictViolationException.class,
                () -> db.select(Department.class).filter("head__name", "Boss").delete());

        assertEquals(2, db.select(Department.class).count());
        assertEquals(1, db.select(Department.class).filter("head__name", "Boss").count());
        assertTrue(db.select(Department.class).filter("name", sales.name).exists());
    }

    @Test
    void deleteThroughANullableChainCascadesToNovelsProfilesAndLinks(Database db, StatementLog log) {
        shelf(db, log);

        assertEquals(1, db.select(Writer.class).filter("press__country__name", "France").delete());

        assertWriters(db.select(Writer.class), "Kafka", "Anon");
        assertNovels(db.select(Novel.class), "The Trial", "Untitled");
        assertEquals(1, db.select(WriterProfile.class).count());
        assertRows(db.select(Theme.class).filter("novels__isnull", false), t -> t.name, "absurd", "justice");
    }

    @Test
    void updateAcrossRelationsChangesEachRowOnce(Database db, StatementLog log) {
        library(db, log);

        assertEquals(3, db.select(Book.class).filter("author__name", "Ann").update(Map.of("title", "Ann's")));
        assertEquals(2, db.select(Author.class).filter("books__categories__name", "SF").update(Map.of("email",
                "sf@x")));
        assertEquals(1, db.select(Author.class).exclude("books__isnull", false).update(Map.of("name", "Nobody")));
        assertEquals(1, db.select(Book.class).filter(Filter.and(where("categories__name", "SF"), where("author__name",
                "Bob")))
                .update(Map.of("publishedDate", LocalDate.of(2020, 1, 1))));

        assertBooks(db.select(Book.class).filter("title", "Ann's"), "Ann's", "Ann's", "Ann's");
        assertAuthors(db.select(Author.class).filter("email", "sf@x"), "Ann", "Bob");
        assertAuthors(db.select(Author.class).filter("name", "Nobody"), "Nobody");
        assertBooks(db.select(Book.class).filter("publishedDate", LocalDate.of(2020, 1, 1)), "Gamma");
    }

    @Test
    void updateThroughANullableChain(Database db, StatementLog log) {
        shelf(db, log);

        assertEquals(1, db.select(Novel.class).filter("writer__press__isnull", true).update(Map.of("pages", 1)));
        assertEquals(2, db.select(Novel.class).exclude("writer__press__country__name", "France").update(Map.of("pages",
                2)));

        Set<String> twoPages = new HashSet<>();
        db.select(Novel.class).filter("pages", 2).fetchAll().forEach(n -> twoPages.add(n.title));
        assertEquals(Set.of("The Trial", "Untitled"), twoPages);
    }
}
