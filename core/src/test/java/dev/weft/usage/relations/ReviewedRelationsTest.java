package dev.weft.usage.relations;

import dev.weft.Column;
import dev.weft.Database;
import dev.weft.DetachedException;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;
import dev.weft.NotFoundException;
import dev.weft.NotNullViolationException;
import dev.weft.OneToMany;
import dev.weft.RelationSet;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Blog;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Course;
import dev.weft.test.model.Department;
import dev.weft.test.model.Employee;
import dev.weft.test.model.Post;
import dev.weft.test.model.Student;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the relation runtime: edge cases of sections 3 and 5 of the contract. Several of these tests fail on
 * purpose: each names the behaviour the contract promises.
 */
@ExtendWith(WeftDatabaseExtension.class)
class ReviewedRelationsTest {

    /** A self-referential tree: nullable parent key, children as its inverse; name is NOT NULL. */
    @Entity
    public static class ReviewNode {
        @Id public long id;
        @Column(nullable = false) public String name;
        @ForeignKey(nullable = true, onDelete = dev.weft.Action.CASCADE) public ReviewNode parent;
        @OneToMany(mappedBy = "parent") public List<ReviewNode> children;

        public ReviewNode() {
        }

        public ReviewNode(String name) {
            this.name = name;
        }
    }

    /** Two entities whose not-null keys point at each other: a cycle no insert order can write. */
    @Entity
    public static class RingA {
        @Id public long id;
        public RingB b;
    }

    @Entity
    public static class RingB {
        @Id public long id;
        public RingA a;
    }

    @BeforeEach
    void tables(Database db) {
        db.createTables(Author.class, Book.class, Category.class, Blog.class, Post.class, Student.class, Course.class,
                ReviewNode.class, Department.class, Employee.class, RingA.class, RingB.class);
    }

    private static final class Boom extends RuntimeException {
    }

    private static void rolledBack(Database db, Runnable work) {
        assertThrows(Boom.class, () -> db.transaction(() -> {
            work.run();
            throw new Boom();
        }));
    }

    // ---- rolled-back transactions: memory must follow the database

    @Test
    void aRolledBackAddLeavesTheLoadedCollectionWithoutTheChild(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("Hello"));
        assertEquals(0, blog.posts.size());

        rolledBack(db, () -> blog.posts.add(post));

        assertNull(post.blog, "the key is put back");
        assertEquals(0, db.select(Post.class).filter("blog", blog).count());
        assertFalse(blog.posts.contains(post), "the loaded collection must follow the rollback");
        assertEquals(0, blog.posts.size());
    }

    @Test
    void aRolledBackRemoveLeavesTheChildWithItsOwnerInMemory(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("Hello", blog));
        assertTrue(blog.posts.contains(post));

        rolledBack(db, () -> blog.posts.remove(post));

        assertEquals(1, db.select(Post.class).filter("blog", blog).count(), "the row still points at the blog");
        assertSame(blog, post.blog, "memory must follow the rollback");
        assertTrue(blog.posts.contains(post));
    }

    @Test
    void aRolledBackManyToManyAddLeavesBothLoadedSidesUnlinked(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        Category category = db.save(new Category("Fiction"));
        assertEquals(0, category.books.size());
        assertEquals(0, book.categories.size());

        rolledBack(db, () -> category.books.add(book));

        assertEquals(0, db.<Book>related(category, "books").query().count());
        assertFalse(category.books.contains(book));
        assertFalse(book.categories.contains(category));
    }

    @Test
    void aRolledBackClearGivesTheLoadedCollectionItsChildrenBack(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("Hello", blog));
        assertEquals(1, blog.posts.size());

        rolledBack(db, () -> blog.posts.clear());

        assertSame(blog, post.blog);
        assertEquals(List.of(post), new ArrayList<>(blog.posts));
    }

    @Test
    void aRolledBackSaveOfANewChildTakesItOutOfTheLoadedCollection(Database db) {
        Author author = db.save(new Author("Ann"));
        assertEquals(0, author.books.size());
        Book book = new Book("One", author);

        rolledBack(db, () -> db.save(book));

        assertEquals(0, book.id, "the id is put back");
        assertEquals(0, db.select(Book.class).count());
        assertFalse(author.books.contains(book), "the author's loaded books must not keep the unsaved book");
    }

    @Test
    void aRolledBackDeleteGivesTheLoadedCollectionItsElementBack(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        assertTrue(author.books.contains(book));

        rolledBack(db, () -> db.delete(book));

        assertEquals(1, db.select(Book.class).count());
        assertTrue(author.books.contains(book), "the book's row is back, so is it in the loaded collection");
    }

    // ---- a failed add of several leaves nothing behind

    @Test
    void aFailedAddOfSeveralNewObjectsLeavesNoUnsavedObjectInLoadedCollections(Database db) {
        Author author = db.save(new Author("Ann"));
        Category category = db.save(new Category("Fiction"));
        assertEquals(0, author.books.size());
        assertEquals(0, category.books.size());
        Book good = new Book("Good", author);
        Book bad = new Book("Bad", null);

        assertThrows(NotNullViolationException.class, () -> category.books.add(good, bad));

        assertEquals(0, good.id);
        assertEquals(0, db.select(Book.class).count());
        assertFalse(category.books.contains(good));
        assertFalse(author.books.contains(good), "the rolled-back insert of 'good' must not stay in author.books");

        bad.author = author;
        category.books.add(good, bad);
        assertEquals(2, db.<Book>related(category, "books").query().count());
        assertEquals(2, author.books.size());
    }

    // ---- bulk writes and loaded collections

    @Test
    void aBulkUpdateOfTheKeyMovesLoadedChildrenBetweenLoadedCollections(Database db) {
        Author ann = db.save(new Author("Ann"));
        Author bob = db.save(new Author("Bob"));
        Book book = db.save(new Book("One", ann));
        assertTrue(ann.books.contains(book));
        assertEquals(0, bob.books.size());

        assertEquals(1, db.select(Book.class).filter("id", book.id).update(Map.of("author", bob)));

        assertSame(bob, book.author);
        assertFalse(ann.books.contains(book), "Ann's loaded books must lose it");
        assertTrue(bob.books.contains(book), "Bob's loaded books must gain it");
    }

    @Test
    void aRelationQueryDeleteTakesTheRowsOutOfTheLoadedCollection(Database db) {
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book two = db.save(new Book("Two", author));
        assertEquals(2, author.books.size());

        RelationSet<Book> books = db.related(author, "books");
        assertEquals(1, books.filter("title", "One").delete());

        assertEquals(List.of(two), new ArrayList<>(author.books));
        assertEquals(1, books.count());
        assertThrows(WeftException.class, () -> db.save(one), "it was deleted");
    }

    @Test
    void aManyToManyQueryDeleteTakesTheBooksOutOfEveryLoadedSide(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        Category fiction = db.save(new Category("Fiction"));
        Category drama = db.save(new Category("Drama"));
        fiction.books.add(book);
        drama.books.add(book);
        assertTrue(drama.books.contains(book));

        assertEquals(1, fiction.books.query().delete());

        assertEquals(0, fiction.books.size());
        assertEquals(0, drama.books.size());
        assertEquals(0, author.books.size());
    }

    @Test
    void deletingTheOwnerOfAManyToManyTakesItOutOfTheOtherSidesLoadedCollections(Database db) {
        Student ann = db.save(new Student("Ann"));
        Course math = db.save(new Course("Math"));
        ann.courses.add(math);
        assertTrue(math.students.contains(ann));

        db.delete(ann);

        assertFalse(math.students.contains(ann));
        assertEquals(0, math.students.size());
        assertEquals(0, db.<Student>related(math, "students").query().count());
    }

    @Test
    void deletingAnEvictedChildTakesItOutOfItsOwnersLoadedCollection(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        assertTrue(author.books.contains(book));
        db.evict(book);

        db.delete(book);

        assertFalse(author.books.contains(book), "deleting removes the object from collections loaded in memory");
    }

    @Test
    void deletingAChildAfterClearCacheTakesItOutOfItsOwnersLoadedCollection(Database db) {
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("One", author));
        assertTrue(author.books.contains(book));
        db.clearCache();

        db.delete(book);

        assertFalse(author.books.contains(book));
    }

    // ---- moving a child when only one side is loaded

    @Test
    void movingAChildToAnOwnerWhoseCollectionIsNotLoadedShowsItThereWhenItLoads(Database db) {
        Blog first = db.save(new Blog("First"));
        Blog second = db.save(new Blog("Second"));
        Post post = db.save(new Post("Hello", first));
        assertTrue(first.posts.contains(post));

        post.blog = second;

        assertFalse(first.posts.contains(post));
        assertTrue(second.posts.contains(post), "post.blog == second, so second.posts must hold it");
    }

    @Test
    void movingAChildFromAnOwnerWhoseCollectionIsNotLoadedLeavesItOutWhenItLoads(Database db) {
        Blog first = db.save(new Blog("First"));
        Blog second = db.save(new Blog("Second"));
        Post post = db.save(new Post("Hello", first));
        assertEquals(0, second.posts.size());

        post.blog = second;

        assertTrue(second.posts.contains(post));
        assertFalse(first.posts.contains(post));
    }

    // ---- hollow references in collections

    @Test
    void addingAReferenceToAMissingRowIsRefusedAndLeavesTheCollectionEmpty(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        assertEquals(0, blog.posts.size());
        Post ghost = db.reference(Post.class, 999L);

        assertThrows(WeftException.class, () -> blog.posts.add(ghost));

        assertEquals(0, blog.posts.size(), "no row was changed, so the collection must not hold a ghost");
    }

    @Test
    void addingAReferenceToAMissingRowToAManyToManyIsAnIntegrityOrNotFoundError(Database db) {
        Category category = db.save(new Category("Fiction"));
        Book ghost = db.reference(Book.class, 999L);

        WeftException refused = assertThrows(WeftException.class, () -> category.books.add(ghost));

        assertTrue(refused instanceof dev.weft.IntegrityException || refused instanceof NotFoundException,
                "a raw SQLite error reached the user: " + refused);
        assertEquals(0, category.books.size());
    }

    @Test
    void aHollowReferenceAddedToACollectionIsTheLoadedElement(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        long id = db.save(new Post("Hello")).id;
        db.clearCache();
        Blog again = db.get(Blog.class, blog.id);
        Post ref = db.reference(Post.class, id);

        assertTrue(again.posts.add(ref));

        assertSame(again, ref.blog);
        assertEquals("Hello", ref.title);
        db.related(again, "posts").refresh();
        assertSame(ref, again.posts.get(0));
    }

    // ---- batched loading

    @Test
    void theAuthorsOfASecondResultSetLoadInOneQueryEvenWhenItSharesABookWithTheFirst(Database db, StatementLog log) {
        Author a1 = db.save(new Author("A1"));
        Author a2 = db.save(new Author("A2"));
        Author a3 = db.save(new Author("A3"));
        db.save(new Book("b1", a1));
        db.save(new Book("b2", a2));
        db.save(new Book("b3", a3));
        db.clearCache();
        db.select(Book.class).filter("title__in", List.of("b1", "b2")).fetchAll();
        List<Book> second = db.select(Book.class).filter("title__in", List.of("b2", "b3")).order("title").fetchAll();
        log.clear();

        for (Book book : second) {
            assertTrue(book.author.name.startsWith("A"));
        }

        assertEquals(1, log.dataStatements().size(), "one batched query for the authors of the result set\n" + log);
    }

    @Test
    void theBooksOfEveryAuthorOfAResultSetLoadInOneQueryEvenAfterOneWasEvicted(Database db, StatementLog log) {
        for (String name : List.of("A", "B", "C")) {
            Author author = db.save(new Author(name));
            db.save(new Book(name + "1", author));
        }
        db.clearCache();
        List<Author> authors = db.select(Author.class).order("name").fetchAll();
        db.evict(authors.get(1));
        log.clear();

        for (Author author : authors) {
            assertEquals(1, author.books.size());
        }

        assertEquals(1, log.dataStatements().size(), log.toString());
    }

    @Test
    void afterClearCacheALoadedCollectionsElementsPointBackAtItsOwner(Database db) {
        Author author = db.save(new Author("Ann"));
        db.save(new Book("One", author));
        db.clearCache();
        Author loaded = db.get(Author.class, author.id);
        db.clearCache();

        Book book = loaded.books.get(0);

        assertSame(loaded, book.author);
    }

    // ---- List semantics

    @Test
    void listSetReplacesInPlaceAndWritesBothKeys(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post a = db.save(new Post("a", blog));
        Post b = db.save(new Post("b", blog));
        Post c = db.save(new Post("c"));
        assertEquals(List.of(a, b), new ArrayList<>(blog.posts));

        assertSame(a, blog.posts.set(0, c));

        assertEquals(List.of(c, b), new ArrayList<>(blog.posts));
        assertNull(a.blog);
        assertSame(blog, c.blog);
        assertEquals(List.of("b", "c"), db.select(Post.class).filter("blog", blog).order("title").fetchAll()
                .stream().map(p -> p.title).toList());
    }

    @Test
    void listSetWhereTheKeyCannotBeNullIsRefusedAndChangesNothing(Database db) {
        Author author = db.save(new Author("Ann"));
        Book one = db.save(new Book("One", author));
        Book fresh = new Book("Fresh", null);

        assertThrows(NotNullViolationException.class, () -> author.books.set(0, fresh));

        assertEquals(List.of(one), new ArrayList<>(author.books));
        assertEquals(0, fresh.id);
        assertNull(fresh.author);
        assertEquals(1, db.select(Book.class).count());
    }

    @Test
    void addAtAnIndexPlacesTheNewElementThere(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post a = db.save(new Post("a", blog));
        Post b = db.save(new Post("b", blog));
        assertEquals(2, blog.posts.size());
        Post z = new Post("z");

        blog.posts.add(0, z);

        assertEquals(List.of(z, a, b), new ArrayList<>(blog.posts));
        assertTrue(z.id > 0);
    }

    @Test
    void retainAllWhereTheKeyMayBeNullNullsTheOthers(Database db) {
        Blog blog = db.save(new Blog("Notes"));
        Post a = db.save(new Post("a", blog));
        Post b = db.save(new Post("b", blog));

        assertTrue(blog.posts.retainAll(List.of(a)));

        assertEquals(List.of(a), new ArrayList<>(blog.posts));
        assertNull(b.blog);
        assertEquals(1, db.select(Post.class).filter("blog", blog).count());
    }

    @Test
    void addingTheSameNewObjectTwiceInOneCallInsertsItOnce(Database db, StatementLog log) {
        Blog blog = db.save(new Blog("Notes"));
        Post post = new Post("Once");
        log.clear();

        assertTrue(db.<Post>related(blog, "posts").add(post, post));

        assertEquals(1, db.select(Post.class).count());
        assertEquals(1, blog.posts.size());
        Category category = db.save(new Category("Fiction"));
        Author author = db.save(new Author("Ann"));
        Book book = new Book("B", author);
        assertTrue(category.books.add(book, book));
        assertEquals(1, category.books.size());
        assertEquals(1, db.select(Book.class).count());
    }

    // ---- cascade save of self-referential and cyclic graphs

    @Test
    void savingANewTreeSavesEveryLevelAndLinksParents(Database db) {
        ReviewNode root = new ReviewNode("root");
        ReviewNode child = new ReviewNode("child");
        ReviewNode grandchild = new ReviewNode("grandchild");
        root.children = new ArrayList<>(List.of(child));
        child.children = new ArrayList<>(List.of(grandchild));

        db.save(root);

        assertTrue(root.id > 0 && child.id > 0 && grandchild.id > 0);
        assertSame(root, child.parent);
        assertSame(child, grandchild.parent);
        db.clearCache();
        ReviewNode loaded = db.get(ReviewNode.class, root.id);
        assertEquals("grandchild", loaded.children.get(0).children.get(0).name);
    }

    @Test
    void aCycleOfNewObjectsThroughANullableKeyIsSaved(Database db) {
        ReviewNode a = new ReviewNode("a");
        ReviewNode b = new ReviewNode("b");
        a.parent = b;
        b.parent = a;

        db.save(a);

        assertTrue(a.id > 0 && b.id > 0);
        assertTrue(a.children.contains(b));
        assertTrue(b.children.contains(a));
        db.clearCache();
        ReviewNode loaded = db.get(ReviewNode.class, a.id);
        assertEquals("a", loaded.parent.parent.name);
    }

    @Test
    void aCycleWhoseNullableKeyIsNotTheOneThatClosesItIsSavedFromEitherObject(Database db) {
        // Saved from the department, the walk follows department.head first; the key that closes the cycle is
        // then employee.department, which cannot be NULL.
        Department research = new Department("Research");
        Employee ada = new Employee("Ada", research);
        research.head = ada;
        db.save(research);

        Department sales = new Department("Sales");
        Employee bob = new Employee("Bob", sales);
        sales.head = bob;
        db.save(bob);

        assertTrue(research.id > 0 && ada.id > 0 && sales.id > 0 && bob.id > 0);
        db.clearCache();
        assertEquals("Ada", db.get(Department.class, research.id).head.name);
        assertEquals("Research", db.get(Employee.class, ada.id).department.name);
        assertEquals("Bob", db.get(Department.class, sales.id).head.name);
        assertEquals("Sales", db.get(Employee.class, bob.id).department.name);
    }

    @Test
    void aCycleThroughASavedObjectIsNoCycle(Database db) {
        Department old = db.save(new Department("Old"));
        Employee ada = db.save(new Employee("Ada", old));
        Department research = new Department("Research");
        research.head = ada; // a key to a saved object: its row exists already
        ada.department = research; // a not-null key to a new object

        db.save(research);

        db.clearCache();
        assertEquals("Ada", db.get(Department.class, research.id).head.name);
        assertEquals("Research", db.get(Employee.class, ada.id).department.name);
    }

    @Test
    void manyCyclesAreSavedFromTheSideWhoseClosingKeyCannotBeNull(Database db) {
        List<Department> departments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Department department = new Department("D" + i);
            department.head = new Employee("E" + i, department);
            departments.add(department);
        }

        db.saveAll(departments);

        db.clearCache();
        for (Department department : db.select(Department.class).order("id").fetchAll()) {
            assertEquals(department.name, department.head.department.name);
            assertEquals("E" + department.name.substring(1), department.head.name);
        }
        assertEquals(300, db.select(Employee.class).count());
    }

    @Test
    void aCycleOfNotNullKeysIsRefusedWithItsKeyNamedAndNothingWritten(Database db) {
        RingA a = new RingA();
        RingB b = new RingB();
        a.b = b;
        b.a = a;

        WeftException e = assertThrows(WeftException.class, () -> db.save(a));

        assertTrue(e.getMessage().contains("closes a cycle"), e.getMessage());
        assertTrue(e.getMessage().endsWith("make one of the keys nullable (@ForeignKey(nullable = true)), or point "
                + "one of them at an object that is saved already. Nothing was changed."), e.getMessage());
        assertEquals(0, a.id);
        assertEquals(0, b.id);
        assertEquals(0, db.select(RingA.class).count());
        assertEquals(0, db.select(RingB.class).count());
    }

    @Test
    void aNewNodeThatIsItsOwnParentIsSaved(Database db) {
        ReviewNode self = new ReviewNode("self");
        self.parent = self;

        db.save(self);

        assertTrue(self.id > 0);
        assertTrue(self.children.contains(self));
        db.clearCache();
        assertEquals(db.get(ReviewNode.class, self.id).id, db.get(ReviewNode.class, self.id).parent.id);
    }

    @Test
    void aFailedTreeSaveLeavesIdsKeysAndCollectionsAsTheyWereAndARetrySucceeds(Database db) {
        ReviewNode root = new ReviewNode("root");
        ReviewNode good = new ReviewNode("good");
        ReviewNode bad = new ReviewNode(null);
        List<ReviewNode> children = new ArrayList<>(List.of(good, bad));
        root.children = children;

        assertThrows(NotNullViolationException.class, () -> db.save(root));

        assertEquals(0, root.id);
        assertEquals(0, good.id);
        assertNull(good.parent);
        assertNull(bad.parent);
        assertSame(children, root.children);
        assertEquals(List.of(good, bad), root.children);
        assertEquals(0, db.select(ReviewNode.class).count());

        bad.name = "fixed";
        db.save(root);
        assertEquals(3, db.select(ReviewNode.class).count());
        assertSame(root, bad.parent);
        assertEquals(2, root.children.size());
    }

    @Test
    void aFailedSaveOfAnExistingParentsNewChildrenLeavesItsLoadedCollectionAsItWas(Database db) {
        ReviewNode root = db.save(new ReviewNode("root"));
        assertEquals(0, root.children.size());
        ReviewNode good = new ReviewNode("good");
        good.parent = root;
        ReviewNode bad = new ReviewNode(null);
        bad.parent = good;

        assertThrows(NotNullViolationException.class, () -> db.save(bad));

        assertEquals(0, root.children.size());
        assertEquals(0, good.id);
        bad.name = "fixed";
        db.save(bad);
        assertEquals(List.of(good), new ArrayList<>(root.children));
        assertEquals(List.of(bad), new ArrayList<>(good.children));
    }

    // ---- after close

    @Test
    void everyRelationOperationThatNeedsTheDatabaseIsDetachedAfterClose(Databases databases) {
        Database db = databases.inMemory();
        db.createTables(Author.class, Book.class, Category.class, Blog.class, Post.class);
        Blog blog = db.save(new Blog("Notes"));
        Post post = db.save(new Post("Hello", blog));
        Post other = db.save(new Post("Other"));
        Category category = db.save(new Category("Fiction"));
        Author author = db.save(new Author("Ann"));
        Book book = db.save(new Book("B", author));
        assertEquals(1, blog.posts.size());
        RelationSet<Post> posts = db.related(blog, "posts");
        db.close();

        assertEquals(List.of(post), new ArrayList<>(blog.posts), "loaded stays readable");
        List<Executable> operations = List.of(
                () -> blog.posts.add(other),
                () -> blog.posts.add(new Post("New")),
                () -> blog.posts.remove(post),
                () -> blog.posts.clear(),
                () -> posts.set(List.of(other)),
                () -> blog.posts.set(0, other),
                () -> blog.posts.add(0, other),
                () -> blog.posts.retainAll(List.of()),
                () -> posts.query(),
                () -> posts.filter("title", "x"),
                () -> posts.order("title"),
                () -> category.books.size(),
                () -> category.books.count(),
                () -> category.books.exists(),
                () -> category.books.fetchFirst(),
                () -> category.books.contains(book),
                () -> category.books.iterator(),
                () -> category.books.add(book),
                () -> book.categories.isEmpty());
        for (int i = 0; i < operations.size(); i++) {
            Executable operation = operations.get(i);
            assertThrows(DetachedException.class, operation, "operation #" + i);
        }
    }

    @Test
    void theCollectionOfAHollowReferenceIsDetachedNamingTheField(Databases databases) {
        Database db = databases.inMemory();
        db.createTables(Author.class, Book.class, Category.class);
        long id = db.save(new Author("Ann")).id;
        db.clearCache();
        Author ref = db.reference(Author.class, id);
        db.close();

        DetachedException detached = assertThrows(DetachedException.class, () -> ref.books.size());

        assertTrue(detached.getMessage().contains("Author"), detached.getMessage());
        assertTrue(detached.getMessage().contains("books"), detached.getMessage());
    }
}
