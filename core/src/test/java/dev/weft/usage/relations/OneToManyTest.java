package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.NotNullViolationException;
import dev.weft.QueryException;
import dev.weft.RelationSet;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.Sqlite;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Blog;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Item;
import dev.weft.test.model.Player;
import dev.weft.test.model.Post;
import dev.weft.test.model.Shelf;
import dev.weft.test.model.Team;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inverse side of a foreign key as a live collection: changes write the key at once, queries run scoped to
 * the owner, and the other side follows in memory.
 */
@ExtendWith(WeftDatabaseExtension.class)
class OneToManyTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Blog.class, Post.class, Player.class, Team.class);
    }

    private static long rows(Database db, String lookup, Object value) {
        return db.select(Post.class).filter(lookup, value).count();
    }

    @Test
    void elementsComeInIdOrderWhateverIndexSqliteReadsThemBy(Databases databases) {
        // The only index on books.author_id also holds the title: SQLite reads each author's books by title.
        java.nio.file.Path file = databases.path("title-index.db");
        Sqlite.execute(file, "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT, email TEXT)",
                "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author_id INTEGER NOT NULL REFERENCES author(id) ON DELETE CASCADE,"
                        + " published_date TEXT)",
                "CREATE TABLE category (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE book_categories (category_id INTEGER NOT NULL, book_id INTEGER NOT NULL,"
                        + " PRIMARY KEY (category_id, book_id)) WITHOUT ROWID",
                "CREATE INDEX books_by_author_and_title ON books (author_id, title)");
        Database db = databases.open(file);
        db.register(Author.class, Book.class, Category.class);
        Author ann = db.save(new Author("Ann"));
        Author bob = db.save(new Author("Bob"));
        for (String title : List.of("Z", "Y", "X")) {
            db.save(new Book(title, ann));
            db.save(new Book(title + title, bob));
        }
        db.clearCache();

        List<Author> authors = db.select(Author.class).order("id").prefetchRelated("books").fetchAll();

        assertEquals(List.of("Z", "Y", "X"), authors.get(0).books.stream().map(b -> b.title).toList());
        assertEquals(List.of("ZZ", "YY", "XX"), authors.get(1).books.stream().map(b -> b.title).toList());
        db.clearCache();
        assertEquals(List.of("Z", "Y", "X"), db.get(Author.class, ann.id).books.stream().map(b -> b.title).toList());
    }

    @Test
    void aListFieldHoldsALiveListThatIsTheRelationOfDatabaseRelated(Database db) {
        Blog blog = db.save(new Blog("Notes"));

        assertInstanceOf(List.class, blog.posts);
        assertInstanceOf(RelationSet.class, blog.posts);
        assertSame(blog.posts, db.related(blog, "posts"));
        assertSame(blog.posts, blog.getPosts());
    }

    @Test
    void addWritesTheKeyAtOnceAndSetsTheOtherSide(Database db, StatementLog log) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("Hello"));
        log.clear();

        assertTrue(blog.posts.add(post));

        assertSame(blog, post.blog);
        assertEquals(1, log.matching("UPDATE").size(), log.toString());
        assertEquals(1, rows(db, "blog", blog));
        assertFalse(blog.posts.add(post), "a link that exists is a no-op");
        assertEquals(1, log.matching("UPDATE").size());
        db.save(post);
        assertEquals(1, log.matching("UPDATE").size(), "the key is not written again by save");
    }

    @Test
    void addingAnUnsavedObjectToASavedOwnerSavesIt(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = new Post("Fresh");

        blog.posts.add(post);

        assertTrue(post.id > 0);
        assertEquals(blog.id, db.select(Post.class).filter("title", "Fresh").get().blog.id);
    }

    @Test
    void addTakesSeveralAndIteratesInTheDeclaredOrder(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        RelationSet<Post> posts = db.related(blog, "posts");

        posts.add(new Post("b"), new Post("c"), new Post("a"));
        posts.refresh();

        assertEquals(List.of("a", "b", "c"), blog.posts.stream().map(p -> p.title).toList());
        assertEquals("a", posts.fetchFirst().orElseThrow().title);
    }

    @Test
    void removeNullsTheKeyWhereItMayBeNull(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("Hello", blog));

        assertTrue(blog.posts.remove(post));

        assertNull(post.blog);
        assertEquals(0, rows(db, "blog", blog));
        assertEquals(1, db.select(Post.class).count(), "the post itself stays");
        assertFalse(blog.posts.remove(post), "removing what is not there is a no-op");
    }

    @Test
    void removeWhereTheKeyCannotBeNullIsRefusedAndChangesNothing(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));

        NotNullViolationException refused = assertThrows(NotNullViolationException.class, () -> author.books.remove(book));

        assertTrue(refused.getMessage().contains("Book.author"), refused.getMessage());
        assertTrue(refused.getMessage().contains("delete"), refused.getMessage());
        assertSame(author, book.author);
        assertTrue(author.books.contains(book));
        assertEquals(1, db.select(Book.class).filter("author", author).count());
        assertThrows(NotNullViolationException.class, () -> author.books.clear());
        assertEquals(1, author.books.size());
    }

    @Test
    void clearNullsEveryKeyButKeepsTheRows(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post loaded = db.save(new Post("a", blog));
        db.save(new Post("b", blog));
        db.save(new Post("c", blog));

        blog.posts.clear();

        assertTrue(blog.posts.isEmpty());
        assertNull(loaded.blog);
        assertEquals(0, rows(db, "blog", blog));
        assertEquals(3, db.select(Post.class).count());
    }

    @Test
    void clearAlsoNullsTheKeysThatPointAtTheOwnerOnlyInMemory(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Blog other = db.save(new Blog("Other"));
        db.save(new Post("a", blog));
        Post moved = db.save(new Post("moved", other));
        assertEquals(1, blog.posts.size());
        moved.blog = blog; // not saved: the row still points at other
        assertEquals(2, blog.posts.size(), "the assignment shows in the loaded collection");

        blog.posts.clear();

        assertTrue(blog.posts.isEmpty());
        assertNull(moved.blog);
        db.save(moved);
        assertEquals(0, rows(db, "blog", blog), "saving it does not put it back");
        assertEquals(0, rows(db, "blog", other), "it left other as the assignment said");
        assertTrue(blog.posts.isEmpty());
        assertTrue(other.posts.isEmpty());
    }

    @Test
    void anObjectInTheCollectionsOfTwoNewOwnersIsRefusedWithoutWritingAnything(Database db) {
        Blog first = new Blog("First");
        Blog second = new Blog("Second");
        Post shared = new Post("shared");
        first.posts.add(shared);
        second.posts.add(shared);

        WeftException e = assertThrows(WeftException.class, () -> db.saveAll(List.of(first, second)));

        assertEquals("cannot save a new Post: it is in Blog.posts of two new Blog objects, but Post.blog holds one "
                + "Blog; remove it from one of the two collections. Nothing was changed.", e.getMessage());
        assertEquals(0, db.select(Blog.class).count());
        assertEquals(0, db.select(Post.class).count());
        assertNull(shared.blog);
        assertEquals(0, first.id);

        second.posts.remove(shared);
        db.saveAll(List.of(first, second));

        assertSame(first, shared.blog);
        assertEquals(List.of(shared), List.copyOf(first.posts));
        assertTrue(second.posts.isEmpty());
    }

    @Test
    void anObjectInTwoCollectionFieldsOfTheSameKeyOfTwoNewOwnersIsRefused(Database db) {
        db.createTables(Shelf.class, Item.class);
        Shelf first = new Shelf("First");
        Shelf second = new Shelf("Second");
        Item item = new Item("shared");
        first.items.add(item);
        second.byLabel.add(item);

        WeftException e = assertThrows(WeftException.class, () -> db.saveAll(List.of(first, second)));

        assertEquals("cannot save a new Item: it is in Shelf.items of one new Shelf and Shelf.byLabel of another, "
                + "but Item.shelf holds one Shelf; remove it from one of the two collections. Nothing was changed.",
                e.getMessage());
        assertEquals(0, db.select(Item.class).count());
        assertNull(item.shelf);
    }

    @Test
    void setMakesTheRelationHoldExactlyTheGivenObjects(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post a = db.save(new Post("a", blog));
        Post b = db.save(new Post("b", blog));
        Post c = db.save(new Post("c"));

        db.related(blog, "posts").set(List.of(b, c));

        assertNull(a.blog);
        assertSame(blog, c.blog);
        assertEquals(List.of("b", "c"), db.select(Post.class).filter("blog", blog).order("title").fetchAll()
                .stream().map(p -> p.title).toList());
        assertEquals(2, blog.posts.size());
    }

    @Test
    void assigningACollectionToTheFieldOfASavedOwnerSetsTheRelation(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post old = db.save(new Post("old", blog));
        Post fresh = db.save(new Post("fresh"));

        blog.posts = List.of(fresh);

        assertNull(old.blog);
        assertSame(blog, fresh.blog);
        assertEquals(List.of(fresh), blog.posts);
        assertInstanceOf(RelationSet.class, blog.posts);
    }

    @Test
    void scopedQueriesCountFilterOrderAndDeleteOnlyTheOwnersRows(Database db) {
        Author ann = db.save(new Author("Ann"));
        Author bob = db.save(new Author("Bob"));
        db.save(new Book("Old", ann, LocalDate.of(2020, 1, 1)));
        db.save(new Book("New", ann, LocalDate.of(2024, 1, 1)));
        db.save(new Book("Bob's", bob, LocalDate.of(2019, 1, 1)));
        RelationSet<Book> books = db.related(ann, "books");

        assertEquals(2, books.count());
        assertTrue(books.exists());
        assertEquals("New", books.order("-publishedDate").fetchFirst().orElseThrow().title);
        assertEquals(1, books.filter("publishedDate__lt", LocalDate.of(2023, 1, 1)).count());

        assertEquals(1, books.filter("publishedDate__lt", LocalDate.of(2023, 1, 1)).delete());

        assertEquals(List.of("New"), ann.books.stream().map(b -> b.title).toList());
        assertEquals(2, db.select(Book.class).count());
    }

    @Test
    void theReverseOfAnUndeclaredKeyIsARelationToo(Database db) {
        Team team = db.save(new Team("Rovers"));
        db.save(new Player("Ann", team));
        Player bob = db.save(new Player("Bob", null));
        RelationSet<Player> players = db.related(team, Player.class, "team");

        assertEquals(1, players.count());
        players.add(bob);

        assertSame(team, bob.team);
        assertEquals(2, players.size());
        assertSame(players, db.related(team, Player.class, "team"));
        QueryException wrong = assertThrows(QueryException.class, () -> db.related(team, Player.class, "name"));
        assertTrue(wrong.getMessage().contains("team"), wrong.getMessage());
        QueryException missing = assertThrows(QueryException.class, () -> db.related(team, "players"));
        assertTrue(missing.getMessage().contains("related(owner, ElementClass.class"), missing.getMessage());
    }

    @Test
    void countAndExistsOfALoadedRelationRunNoStatement(Database db, StatementLog log) {
        Blog blog = db.save(new Blog("Notes"));
        db.save(new Post("a", blog));
        assertEquals(1, blog.posts.size());
        log.clear();

        assertEquals(1, db.related(blog, "posts").count());
        assertTrue(db.related(blog, "posts").exists());
        assertEquals(1, db.related(blog, "posts").fetchAll().size());
        assertEquals(0, log.count());
    }

    @Test
    void theIteratorRemovesThroughTheRelation(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        db.save(new Post("a", blog));
        db.save(new Post("b", blog));

        var it = blog.posts.iterator();
        it.next();
        it.remove();

        assertEquals(1, rows(db, "blog", blog));
        assertEquals(1, blog.posts.size());
    }

    @Test
    void addingTheWrongTypeOrNullIsRefused(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Object> raw = (List) blog.posts;

        assertThrows(ClassCastException.class, () -> raw.add("not a post"));
        assertThrows(NullPointerException.class, () -> blog.posts.add(null));
        assertTrue(blog.posts.isEmpty());
    }

    @Test
    void theReadOnlyCopiesOfAListSayWhereToMakeAChange(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("a", blog));
        db.save(new Post("b", blog));

        UnsupportedOperationException fromIterator = assertThrows(UnsupportedOperationException.class,
                () -> { var it = blog.posts.listIterator(); it.next(); it.set(post); });
        UnsupportedOperationException fromSubList = assertThrows(UnsupportedOperationException.class,
                () -> blog.posts.subList(0, 1).clear());

        assertTrue(fromIterator.getMessage().contains("listIterator of Blog#" + blog.id + ".posts"),
                fromIterator.getMessage());
        assertTrue(fromSubList.getMessage().contains("subList of Blog#" + blog.id + ".posts"), fromSubList.getMessage());
        assertEquals(2, rows(db, "blog", blog));
    }

    @Test
    void replaceAllMayReorderAndRefusesToMergeTwoElementsWithoutWritingAnything(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post a = db.save(new Post("a", blog));
        Post b = db.save(new Post("b", blog));
        Post c = db.save(new Post("c", blog));

        blog.posts.replaceAll(p -> p == a ? b : p == b ? c : a);

        assertEquals(List.of(b, c, a), blog.posts);
        assertEquals(3, rows(db, "blog", blog));
        assertThrows(IllegalArgumentException.class, () -> blog.posts.replaceAll(p -> a));
        assertEquals(List.of(b, c, a), blog.posts);
        assertEquals(3, rows(db, "blog", blog));
    }

    @Test
    void replaceAllSetsEachElementThroughTheRelation(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post first = db.save(new Post("a", blog));
        Post loose = db.save(new Post("loose", null));

        blog.posts.replaceAll(p -> p == first ? loose : p);

        assertEquals(List.of(loose), blog.posts);
        assertSame(blog, loose.blog);
        assertNull(first.blog);
        db.clearCache();
        assertEquals(List.of("loose"), db.get(Blog.class, blog.id).posts.stream().map(p -> p.title).toList());
    }
}
