package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.NotNullViolationException;
import dev.weft.RestrictViolationException;
import dev.weft.WeftException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Blog;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Logo;
import dev.weft.test.model.Org;
import dev.weft.test.model.Post;
import dev.weft.test.model.Profile;
import dev.weft.test.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A save reaches new and changed objects through every relation field and writes them in one transaction, or
 * nothing; a delete's CASCADE and SET_NULL show in the objects and collections already in memory.
 */
@ExtendWith(WeftDatabaseExtension.class)
class CascadeTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Blog.class, Post.class, User.class, Profile.class,
                Org.class, Logo.class);
    }

    @Test
    void savingANewOwnerSavesTheNewChildrenOfItsCollectionAndPointsThemAtIt(Database db, StatementLog log) {
        Blog blog = new Blog("Fresh");
        Post first = new Post("a");
        Post second = new Post("b");
        blog.posts.add(first);
        blog.posts.add(second);
        log.clear();

        db.save(blog);

        assertSame(blog, first.blog);
        assertTrue(first.id > 0 && second.id > 0);
        assertEquals(2, db.select(Post.class).filter("blog", blog).count());
        assertEquals(List.of(first, second), blog.posts);
        assertEquals(1, log.matching("BEGIN").size(), "one transaction");
    }

    @Test
    void aNewChildPointingAtANewOwnerJoinsItsCollectionOnSave(Database db) {
        Author author = new Author("Ann");
        Book book = new Book("One", author);

        db.save(book);

        assertEquals(List.of(book), author.books);
    }

    @Test
    void savingReachesDirtyObjectsThroughLoadedCollectionsAndInverseFields(Database db) {
        Author author = db.save(new Author("Ann"));
        db.save(new Book("One", author));
        User user = db.save(new User("u"));
        db.save(new Profile(user, "old"));
        db.clearCache();
        Author loaded = db.get(Author.class, author.id);
        User loadedUser = db.get(User.class, user.id);

        loaded.books.get(0).title = "Renamed";
        loadedUser.profile.bio = "new";
        db.saveAll(List.of(loaded, loadedUser));

        db.clearCache();
        assertEquals("Renamed", db.select(Book.class).get().title);
        assertEquals("new", db.select(Profile.class).get().bio);
    }

    @Test
    void aNewOwnersInverseOneToOneIsSavedAndLinked(Database db) {
        Org org = new Org("Acme");
        Logo logo = new Logo("acme.png");
        logo.org = org;

        db.save(logo);

        assertTrue(org.id > 0);
        assertSame(logo, org.logo);
        db.clearCache();
        assertEquals("acme.png", db.get(Org.class, org.id).logo.uri);
    }

    @Test
    void aFailedCascadeWritesNothingAndLeavesIdsAndStateAsTheyWere(Database db) {
        Author author = new Author("Ann");
        Book good = new Book("Good", author);
        Book bad = new Book("Bad", null);
        Category category = new Category("Fiction");
        category.books.add(good);
        category.books.add(bad);

        assertThrows(NotNullViolationException.class, () -> db.save(category));

        assertEquals(0, category.id);
        assertEquals(0, author.id);
        assertEquals(0, good.id);
        assertNull(bad.author);
        assertEquals(0, db.select(Category.class).count() + db.select(Author.class).count() + db.select(Book.class).count());

        bad.author = author;
        db.save(category);
        assertEquals(2, db.related(category, "books").count());
        assertTrue(good.id > 0 && author.id > 0);
    }

    @Test
    void aCollectionHoldingTheWrongTypeIsRefusedBeforeAnyWrite(Database db) {
        Blog blog = new Blog("Mixed");
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Object> raw = (List) blog.posts;
        raw.add("not a post");

        WeftException refused = assertThrows(WeftException.class, () -> db.save(blog));

        assertTrue(refused.getMessage().contains("Blog.posts"), refused.getMessage());
        assertEquals(0, blog.id);
    }

    @Test
    void cascadeDeleteTakesTheDeletedRowsOutOfLoadedCollections(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        Category category = db.save(new Category("Fiction"));
        category.books.add(book);
        assertEquals(1, author.books.size());

        db.delete(author);

        assertTrue(category.books.isEmpty(), "the cascaded book left the category loaded in memory");
        assertTrue(author.books.isEmpty());
        assertEquals(0, db.related(category, "books").count());
    }

    @Test
    void deletingAnElementTakesItOutOfItsOwnersLoadedCollection(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("a", blog));
        assertEquals(1, blog.posts.size());

        db.delete(post);

        assertTrue(blog.posts.isEmpty());
    }

    @Test
    void setNullNullsTheLoadedChildrensKeys(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("a", blog));

        db.delete(blog);

        assertNull(post.blog);
        assertEquals(1, db.select(Post.class).filter("blog__isnull", true).count());
    }

    @Test
    void setNullEmptiesTheDeletedOwnersLoadedCollectionAsCascadeDoes(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("a", blog));
        assertEquals(List.of(post), blog.posts);

        db.delete(blog);

        assertNull(post.blog);
        assertTrue(blog.posts.isEmpty(), "the deleted blog still holds " + blog.posts);
    }

    @Test
    void setNullOfAOneToOneKeyClearsTheDeletedTargetsInverse(Database db) {
        Org org = db.save(new Org("Acme"));
        Logo logo = db.save(new Logo("x.png"));
        org.logo = logo;
        db.save(org);
        assertSame(org, logo.org);

        db.delete(logo);

        assertNull(org.logo);
        assertNull(logo.org, "the deleted logo still points at the org whose key was set to NULL");
    }

    @Test
    void aRolledBackSetNullPutsTheCollectionAndKeysBack(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("a", blog));
        assertEquals(List.of(post), blog.posts);

        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            db.delete(blog);
            throw new IllegalStateException("changed my mind");
        }));

        assertSame(blog, post.blog);
        assertEquals(List.of(post), blog.posts);
        assertEquals(1, db.select(Post.class).filter("blog", blog).count());
    }

    @Test
    void deletingAOneToOneTargetClearsTheLoadedInverse(Database db) {
        Org org = db.save(new Org("Acme"));
        Logo logo = db.save(new Logo("x.png"));
        org.logo = logo;
        db.save(org);

        db.delete(org);

        assertNull(logo.org);
    }

    @Test
    void restrictRefusesAndChangesNothingInMemory(Database db) {
        User user = db.save(new User("u"));
        Profile profile = db.save(new Profile(user, "bio"));

        RestrictViolationException refused = assertThrows(RestrictViolationException.class, () -> db.delete(user));

        assertTrue(refused.getMessage().contains("Profile"), refused.getMessage());
        assertSame(profile, user.profile);
        assertSame(user, profile.user);
        assertEquals(1, db.select(User.class).count());
    }

    @Test
    void aDeletedObjectCannotBeAddedAndALinkToItIsGone(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        Category category = db.save(new Category("Fiction"));
        category.books.add(book);
        db.clearCache();
        Category loaded = db.get(Category.class, category.id);
        assertEquals(1, loaded.books.size());
        Book loadedBook = loaded.books.iterator().next();

        db.delete(loadedBook);

        assertFalse(loaded.books.contains(loadedBook));
        assertThrows(WeftException.class, () -> loaded.books.add(loadedBook));
    }

    @Test
    void manyNewChildrenAreInsertedInBatches(Database db, StatementLog log) {
        Blog blog = new Blog("Big");
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            posts.add(new Post("p" + i));
        }
        blog.posts.addAll(posts);
        log.clear();

        db.save(blog);

        assertTrue(log.matching("INSERT").size() < 10, log.matching("INSERT").size() + " inserts, not 301");
        assertEquals(300, db.select(Post.class).filter("blog", blog).count());
    }
}
