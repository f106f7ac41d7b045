package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.NotNullViolationException;
import dev.weft.UniqueViolationException;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
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

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both sides of a relation agree in memory, and one-to-one stays one-to-one. */
@ExtendWith(WeftDatabaseExtension.class)
class ConsistencyTest {

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Blog.class, Post.class, User.class, Profile.class,
                Org.class, Logo.class);
    }

    @Test
    void assigningTheKeyMovesTheChildBetweenLoadedCollections(Database db, StatementLog log) {
        Author first = db.save(new Author("First"));
        Author second = db.save(new Author("Second"));
        Book book = db.save(new Book("Moving", first));
        assertEquals(List.of(book), first.books);
        assertTrue(second.books.isEmpty());
        log.clear();

        book.author = second;

        assertEquals(0, log.count(), "memory follows at once; the row at save");
        assertTrue(first.books.isEmpty());
        assertEquals(List.of(book), second.books);
        db.save(book);
        db.clearCache();
        assertEquals(1, db.get(Author.class, second.id).books.size());
        assertEquals(0, db.get(Author.class, first.id).books.size());
    }

    @Test
    void addingToACollectionSetsTheKeyAndLeavesTheOldOwner(Database db) {
        Blog first = db.save(new Blog("First"));
        Blog second = db.save(new Blog("Second"));
        Post post = db.save(new Post("p", first));
        assertEquals(1, first.posts.size());

        second.posts.add(post);

        assertSame(second, post.blog);
        assertTrue(first.posts.isEmpty());
    }

    @Test
    void assigningAOneToOneKeySetsTheInverseField(Database db) {
        Org org = db.save(new Org("Acme"));
        Logo logo = db.save(new Logo("acme.png"));

        org.logo = logo;

        assertSame(org, logo.org);
        db.save(org);
        db.clearCache();
        assertEquals("Acme", db.get(Logo.class, logo.id).org.name);
    }

    @Test
    void assigningTheInverseFieldSetsTheKey(Database db) {
        Org org = db.save(new Org("Acme"));
        Logo logo = db.save(new Logo("acme.png"));

        logo.org = org;

        assertSame(logo, org.logo);
        db.save(logo);
        db.clearCache();
        assertEquals("acme.png", db.get(Org.class, org.id).logo.uri);
    }

    @Test
    void aSecondOwnerIsRefusedAtAssignmentAndNothingChanges(Database db) {
        Org first = db.save(new Org("First"));
        Org second = db.save(new Org("Second"));
        Logo logo = db.save(new Logo("x.png"));
        first.logo = logo;
        db.save(first);

        UniqueViolationException byKey = assertThrows(UniqueViolationException.class, () -> second.logo = logo);
        assertTrue(byKey.getMessage().contains("Org#" + first.id), byKey.getMessage());
        Logo other = db.save(new Logo("y.png"));
        UniqueViolationException byInverse = assertThrows(UniqueViolationException.class, () -> other.org = first);
        assertTrue(byInverse.getMessage().contains("one-to-one"), byInverse.getMessage());

        assertNull(second.logo);
        assertNull(other.org);
        assertSame(logo, first.logo);
        assertSame(first, logo.org);
        db.saveAll(List.of(first, second, other));
        db.clearCache();
        assertEquals("x.png", db.get(Org.class, first.id).logo.uri);
    }

    @Test
    void aSecondOwnerUnknownInMemoryIsRefusedAtSaveAndTheFirstKeepsIt(Database db) {
        User first = db.save(new User("first"));
        User second = db.save(new User("second"));
        Profile profile = db.save(new Profile(first, "bio"));
        db.clearCache();

        Profile copy = new Profile(db.reference(User.class, first.id), "another");
        assertThrows(UniqueViolationException.class, () -> db.save(copy));

        assertEquals(0, copy.id);
        assertEquals(1, db.select(Profile.class).count());
        assertEquals("bio", db.get(User.class, first.id).profile.bio);
        assertNull(db.get(User.class, second.id).profile);
        assertTrue(profile.id > 0);
    }

    @Test
    void aNewOwnerGivenAOneToOneASavedOwnerHoldsIsRefusedAtSaveAndNothingChanges(Database db) {
        User first = db.save(new User("first"));
        Profile profile = db.save(new Profile(first, "bio"));
        User newcomer = new User("newcomer");
        newcomer.profile = profile; // a new object's fields are plain until it is saved

        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> db.save(newcomer));

        assertTrue(e.getMessage().contains("User#" + first.id) && e.getMessage().contains("User.profile"),
                e.getMessage());
        assertNull(newcomer.id);
        assertSame(first, profile.user);
        assertSame(profile, first.profile);
        assertEquals(1, db.select(User.class).count());
        db.clearCache();
        assertEquals("first", db.get(Profile.class, profile.id).user.username);
    }

    @Test
    void aSavedObjectPointedAtANewOwnerIsInTheOwnersCollectionOnceSaved(Database db) {
        Author first = db.save(new Author("First"));
        Book book = db.save(new Book("Moving", first));
        assertEquals(List.of(book), first.books);
        Author newcomer = new Author("Newcomer");

        book.author = newcomer;
        db.save(book);

        assertTrue(first.books.isEmpty());
        assertEquals(List.of(book), newcomer.books);
        assertEquals(1, db.related(newcomer, "books").count());
    }

    @Test
    void movingAOneToOneTakesItFromTheFirstOwnerFirst(Database db) {
        Org first = db.save(new Org("First"));
        Org second = db.save(new Org("Second"));
        Logo logo = db.save(new Logo("x.png"));
        first.logo = logo;
        db.save(first);

        first.logo = null;
        second.logo = logo;
        db.saveAll(List.of(first, second));

        assertSame(second, logo.org);
        db.clearCache();
        assertNull(db.get(Org.class, first.id).logo);
        assertEquals("x.png", db.get(Org.class, second.id).logo.uri);
    }

    @Test
    void replacingTheInverseReleasesTheOldOneWhenItsKeyMayBeNull(Database db) {
        Org org = db.save(new Org("Acme"));
        Logo old = db.save(new Logo("old.png"));
        Logo fresh = db.save(new Logo("new.png"));
        old.org = org;
        db.save(old);

        org.logo = fresh;
        assertNull(old.org);
        db.save(org);

        db.clearCache();
        assertEquals("new.png", db.get(Org.class, org.id).logo.uri);
        assertNull(db.get(Logo.class, old.id).org);
    }

    @Test
    void replacingAnInverseWhoseKeyCannotBeNullIsRefused(Database db) {
        User user = db.save(new User("u"));
        Profile profile = db.save(new Profile(user, "bio"));

        assertThrows(NotNullViolationException.class, () -> user.profile = new Profile());

        assertSame(profile, user.profile);
        assertSame(user, profile.user);
    }

    @Test
    void pointingAtAnOwnerThatHasAOneToOneWhoseKeyCannotBeNullAdvisesWhatCanBeDone(Database db) {
        User first = db.save(new User("first"));
        User second = db.save(new User("second"));
        Profile taken = db.save(new Profile(first, "first's"));
        Profile other = db.save(new Profile(second, "second's"));
        assertSame(taken, first.profile);

        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> other.user = first);

        assertEquals("cannot set Profile#" + other.id + ".user to User#" + first.id + ": Profile#" + taken.id
                + " already has it, and Profile.user is one-to-one; set Profile#" + taken.id + ".user to another User "
                + "or delete Profile#" + taken.id + " (db.delete) first (Profile.user cannot be null), or choose "
                + "another one. Nothing was changed.", e.getMessage());
        db.delete(taken); // as advised
        other.user = first;
        db.save(other);
        assertSame(other, first.profile);
        assertNull(second.profile);
        db.clearCache();
        assertEquals("second's", db.get(User.class, first.id).profile.bio);
    }

    @Test
    void givingAnOwnerAOneToOneWhoseKeyCannotBeNullAdvisesMovingTheKey(Database db) {
        User first = db.save(new User("first"));
        User second = db.save(new User("second"));
        Profile profile = db.save(new Profile(first, "bio"));
        assertNull(second.profile);

        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> second.profile = profile);

        assertEquals("cannot give Profile#" + profile.id + " to User#" + second.id + " (User.profile): it belongs to "
                + "User#" + first.id + " through Profile.user, which is one-to-one; move it by setting Profile#"
                + profile.id + ".user to User#" + second.id + " instead (Profile.user cannot be null, so User#"
                + first.id + " cannot let go of it first), or use another Profile. Nothing was changed.",
                e.getMessage());
        profile.user = second; // as advised
        db.save(profile);
        assertSame(profile, second.profile);
        assertNull(first.profile);
        db.clearCache();
        assertEquals("bio", db.get(User.class, second.id).profile.bio);
    }

    @Test
    void anOwnerThatLetGoOfAOneToOneSavesAfterThatObjectWasDeleted(Database db) {
        Logo logo = db.save(new Logo("acme.png"));
        Org org = new Org("Acme");
        org.logo = logo;
        db.save(org);
        assertSame(org, logo.org);

        logo.org = null; // org is let go of, to be saved with logo
        db.delete(org);
        logo.uri = "renamed.png";
        db.save(logo);

        db.clearCache();
        assertEquals("renamed.png", db.get(Logo.class, logo.id).uri);
        assertEquals(0, db.select(Org.class).count());
    }

    @Test
    void aDeletedObjectCannotBeGivenToAOneToOne(Database db) {
        Logo logo = db.save(new Logo("acme.png"));
        Org gone = db.save(new Org("Gone"));
        db.delete(gone);

        WeftException e = assertThrows(WeftException.class, () -> logo.org = gone);

        assertEquals("cannot give Org#" + gone.id + " to Logo#" + logo.id + " (Logo.org): it was deleted; give it "
                + "another Org, or a new one. Nothing was changed.", e.getMessage());
        assertNull(logo.org);
        assertNull(gone.logo);
        db.save(logo);
    }

    @Test
    void aNewOwnerGivenADeletedOneToOneIsToldItWasDeleted(Database db) {
        User first = db.save(new User("first"));
        Profile profile = db.save(new Profile(first, "bio"));
        db.delete(profile);
        User newcomer = new User("newcomer");
        newcomer.profile = profile; // a new object's fields are plain until it is saved

        WeftException e = assertThrows(WeftException.class, () -> db.save(newcomer));

        assertEquals("cannot save a new User: its profile holds Profile#" + profile.id + ", which was deleted; set "
                + "User.profile to another Profile or to null, or save a new Profile in its place. Nothing was "
                + "changed.", e.getMessage());
        assertNull(newcomer.id);
    }

    @Test
    void aNewOwnerGivenAOneToOneWhoseKeyCannotBeNullIsToldToMoveTheKey(Database db) {
        User first = db.save(new User("first"));
        Profile profile = db.save(new Profile(first, "bio"));
        User newcomer = new User("newcomer");
        newcomer.profile = profile;

        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> db.save(newcomer));

        assertTrue(e.getMessage().contains("; move it by setting Profile#" + profile.id + ".user to this User "
                + "instead (Profile.user cannot be null, so User#" + first.id + " cannot let go of it first)"),
                e.getMessage());
        profile.user = newcomer; // as advised
        db.save(newcomer);
        assertSame(profile, newcomer.profile);
        assertNull(first.profile);
        db.clearCache();
        assertEquals("newcomer", db.get(Profile.class, profile.id).user.username);
    }

    @Test
    void givingAnOwnerWhoseOneToOneCannotBeLetGoAnotherSaysSoFirst(Database db) {
        User first = db.save(new User("first"));
        User second = db.save(new User("second"));
        Profile taken = db.save(new Profile(first, "first's"));
        Profile own = db.save(new Profile(second, "second's"));

        NotNullViolationException e = assertThrows(NotNullViolationException.class, () -> second.profile = taken);

        assertTrue(e.getMessage().startsWith("cannot replace Profile#" + own.id + " as User#" + second.id
                + ".profile: Profile.user cannot be null"), e.getMessage());
        assertSame(own, second.profile);
        assertSame(taken, first.profile);
    }

    @Test
    void anUnsavedOneToOneWhoseKeyCannotBeNullIsDroppedWhenReplaced(Database db) {
        User user = db.save(new User("u"));
        Profile first = new Profile();
        first.bio = "first";
        user.profile = first;
        Profile second = new Profile();
        second.bio = "second";

        user.profile = second; // first has no row: it is let go of, and not saved

        assertNull(first.user);
        assertSame(user, second.user);
        db.save(user);
        assertEquals(0, first.id);
        assertEquals(List.of("second"), db.select(Profile.class).fetchAll().stream().map(p -> p.bio).toList());
        db.clearCache();
        assertEquals("second", db.get(User.class, user.id).profile.bio);
    }

    @Test
    void pointingAtAnOwnerWhoseOneToOneIsUnsavedAdvisesNoDelete(Database db) {
        User first = db.save(new User("first"));
        User second = db.save(new User("second"));
        Profile other = db.save(new Profile(second, "second's"));
        first.profile = new Profile(); // in memory only

        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> other.user = first);

        assertTrue(e.getMessage().contains("; set a new Profile.user to another User first (Profile.user cannot be "
                + "null), or choose another one."), e.getMessage());
    }

    @Test
    void manyToManyChangesShowOnBothLoadedSides(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        Category category = db.save(new Category("Fiction"));
        assertTrue(book.categories.isEmpty());
        assertTrue(category.books.isEmpty());

        book.categories.add(category);
        assertTrue(category.books.contains(book));

        category.books.remove(book);
        assertFalse(book.categories.contains(category));
    }

    // ---- after evict and clearCache, a relation still holds one object per row

    @Test
    void aDeletedRowLeavesTheLoadedCollectionsThatHoldItsEvictedInstance(Database db) {
        Author ann = db.save(new Author("Ann"));
        Author bob = db.save(new Author("Bob"));
        Book first = db.save(new Book("First", ann));
        Book second = db.save(new Book("Second", ann));
        Book third = db.save(new Book("Third", bob));
        Book kept = db.save(new Book("Kept", bob));
        Category category = db.save(new Category("All"));
        category.books.add(first, second, third, kept);
        assertEquals(2, bob.books.size());

        db.evict(first, second, third, kept); // the identity map holds no book; the loaded collections still do
        db.delete(ann); // cascades to both of her books
        assertEquals(List.of("Third", "Kept"), category.books.stream().map(b -> b.title).toList());

        db.evict(category.books.toArray());
        db.select(Book.class).filter("title", "Third").delete();
        assertEquals(List.of(kept), bob.books);
        assertEquals(List.of("Kept"), category.books.stream().map(b -> b.title).toList());
        assertEquals(1, category.books.count());
    }

    @Test
    void aCascadeReachesAnEvictedInstanceWhenTheIdentityMapHoldsNoObjectOfItsEntity(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("Dune", author));
        Category category = db.save(new Category("All"));
        category.books.add(book);
        assertEquals(1, category.books.size());
        db.evict(book); // no book is left in the identity map

        db.select(Author.class).filter("name", "Ann").delete(); // the book goes by CASCADE

        assertEquals(0, db.select(Book.class).count());
        assertTrue(category.books.isEmpty());
        book.title = "Dune Messiah";
        WeftException e = assertThrows(WeftException.class, () -> db.save(book));
        assertEquals("cannot save Book#" + book.id + ": it was deleted; save a new object to store it again. Nothing "
                + "was changed.", e.getMessage());
    }

    @Test
    void aCascadeToRowsNoObjectShowsSendsNoLookupWhileNothingWasEvicted(@OnFile Database db, Databases databases,
                                                                      StatementLog log) {
        db.createTables(Author.class, Book.class, Category.class);
        Path file = databases.pathOf(db);
        Category category = db.save(new Category("All"));
        assertTrue(category.books.isEmpty()); // a live collection of books exists
        Author author = db.save(new Author("Ann"));
        Sqlite.execute(file, "INSERT INTO books (title, author_id) VALUES ('Dune', " + author.id + ")");
        log.clear();

        db.delete(author);

        assertEquals(List.of(), log.matching("SELECT"), log::toString);
        assertEquals(0, Sqlite.count(file, "books"));
    }

    @Test
    void aManyToManyLoadedBeforeClearCacheTakesNoSecondInstanceOfItsRow(Database db) {
        Book book = db.save(new Book("Dune", db.save(new Author("Frank"))));
        Category category = db.save(new Category("Fiction"));
        category.books.add(book);
        assertEquals(1, category.books.size());

        db.clearCache();
        Book again = db.get(Book.class, book.id);
        category.books.add(again);

        assertEquals(1, category.books.size(), category.books.toString());
        assertEquals(1, category.books.count());
        assertTrue(category.books.contains(again));
        assertTrue(category.books.contains(book), "the evicted instance stands for the same row");
        category.books.remove(book);
        assertTrue(category.books.isEmpty(), category.books.toString());
        assertEquals(0, db.related(category, "books").count());
    }

    @Test
    void aOneToManyLoadedBeforeEvictTakesNoSecondInstanceOfItsRow(Database db) {
        Author author = db.save(new Author("Ann"));
        Author other = db.save(new Author("Bob"));
        Book book = db.save(new Book("One", author));
        assertEquals(List.of(book), author.books);
        assertTrue(other.books.isEmpty());

        db.evict(book);
        Book again = db.get(Book.class, book.id);
        author.books.add(again);

        assertEquals(1, author.books.size(), author.books.toString());
        assertTrue(author.books.contains(again));
        other.books.add(again);
        assertTrue(author.books.isEmpty(), "the row moved to the other author: " + author.books);
        assertEquals(List.of(again), other.books);
    }

    @Test
    void anEvictedObjectAddedToARelationLoadedSinceIsNotASecondElement(Database db) {
        Book book = db.save(new Book("Dune", db.save(new Author("Frank"))));
        Category category = db.save(new Category("Fiction"));
        category.books.add(book);

        db.clearCache();
        Category reloaded = db.get(Category.class, category.id);
        assertEquals(1, reloaded.books.size());
        reloaded.books.add(book);
        assertEquals(1, reloaded.books.size(), "after add " + reloaded.books);
        reloaded.books.set(List.of(book));

        assertEquals(1, reloaded.books.size(), reloaded.books.toString());
        assertEquals(1, db.related(reloaded, "books").count());
        assertFalse(reloaded.books.retainAll(List.of(book)), "the evicted instance keeps its row");
        assertEquals(1, db.related(reloaded, "books").count());
    }

    @Test
    void retainAllOnARelationNotLoadedYetKeepsTheRowsOfEvictedObjects(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post kept = db.save(new Post("a", blog));
        db.save(new Post("b", blog));

        db.clearCache();
        Blog again = db.get(Blog.class, blog.id);
        assertTrue(again.posts.retainAll(List.of(kept)));

        assertEquals(List.of("a"), again.posts.stream().map(p -> p.title).toList());
        assertEquals(1, db.select(Post.class).filter("blog", again).count());
    }

    @Test
    void aNewOwnersCollectionHoldingTwoInstancesOfOneRowHoldsOneOnceSaved(Database db) {
        Post post = db.save(new Post("p"));
        db.evict(post);
        Post again = db.get(Post.class, post.id);
        Blog blog = new Blog("New");
        blog.posts = new java.util.ArrayList<>(List.of(post, again));

        db.save(blog);
        assertEquals(1, blog.posts.size(), blog.posts.toString());
        again.blog = blog;

        assertEquals(1, blog.posts.size(), blog.posts.toString());
        assertEquals(1, db.select(Post.class).filter("blog", blog).count());
    }

    @Test
    void aLargeRelationLoadedBeforeClearCacheMatchesRowsAsItChanges(Database db) {
        Author author = db.save(new Author("Frank"));
        Category category = db.save(new Category("Fiction"));
        List<Book> books = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            books.add(db.save(new Book("Book " + i, author)));
        }
        category.books.addAll(books);
        assertEquals(40, category.books.size());

        db.clearCache();
        List<Book> again = books.stream().map(b -> db.get(Book.class, b.id)).toList();
        category.books.addAll(again);
        assertEquals(40, category.books.size(), "one element per row");
        category.books.removeAll(again.subList(0, 20));
        assertEquals(books.subList(20, 40), List.copyOf(category.books));

        category.books.add(again.get(0)); // a row the relation lost, back with another instance
        Book late = db.save(new Book("Late", author));
        category.books.add(late);
        db.evict(late);
        Book lateAgain = db.get(Book.class, late.id);
        assertTrue(category.books.contains(lateAgain), "an element added since the rows were indexed");
        assertTrue(category.books.contains(books.get(0)), "the evicted instance of a row added back");
        assertFalse(category.books.contains(books.get(1)));
        category.books.remove(lateAgain);

        assertEquals(21, category.books.size(), category.books.toString());
        assertEquals(21, db.related(category, "books").count());
    }
}
