package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.Finder;
import dev.weft.MappingException;
import dev.weft.Model;
import dev.weft.MultipleResultsException;
import dev.weft.NotFoundException;
import dev.weft.Query;
import dev.weft.WeftException;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Schema;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Article;
import dev.weft.test.model.Author;
import dev.weft.test.model.Memo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The active-record style of API.md section 8: Model's save and delete, and Finder, on the default database. */
@ExtendWith(WeftDatabaseExtension.class)
class ActiveRecordTest {

    @AfterEach
    void clearTheDefaultDatabase() {
        Database.setDefault(null);
    }

    private static Database useAsDefault(Database db) {
        db.createTables(Author.class, Article.class, Memo.class);
        Database.setDefault(db);
        return db;
    }

    private static List<String> titles(List<Article> articles) {
        return articles.stream().map(article -> article.title).toList();
    }

    // ---- Model: save and delete ---------------------------------------------------------------

    @Test
    void saveInsertsTheObjectIntoTheDefaultDatabase(@OnFile Database db, Databases databases) {
        useAsDefault(db);
        Article article = new Article("Weft", 3);

        Article returned = article.save();

        assertSame(article, returned);
        assertTrue(article.id > 0, "id " + article.id);
        assertSame(article, db.get(Article.class, article.id));
        Path file = databases.pathOf(db);
        assertEquals(List.of(Map.of("id", (Object) (int) article.id, "title", "Weft", "views", 3)),
                Sqlite.rows(file, "SELECT id, title, views FROM article"));
    }

    @Test
    void saveWritesTheChangedFieldsOfALoadedObject(@OnFile Database db, Databases databases) {
        useAsDefault(db);
        long id = new Article("Draft", 0).save().id;
        db.clearCache();
        Article loaded = db.get(Article.class, id);

        loaded.title = "Final";
        loaded.views = 10;
        loaded.save();

        assertEquals(List.of(Map.of("title", "Final", "views", 10)),
                Sqlite.rows(databases.pathOf(db), "SELECT title, views FROM article"));
    }

    @Test
    void saveSavesTheNewObjectsItsRelationsReach(Database db) {
        useAsDefault(db);
        Article article = new Article("Earthsea", 1, new Author("Ursula"));

        article.save();

        assertTrue(article.author.id > 0);
        db.clearCache();
        assertEquals("Ursula", db.get(Article.class, article.id).author.name);
    }

    @Test
    void deleteRemovesTheRowFromTheDefaultDatabase(Database db) {
        useAsDefault(db);
        Article kept = new Article("Kept", 1).save();
        Article gone = new Article("Gone", 2).save();

        gone.delete();

        assertTrue(db.find(Article.class, gone.id).isEmpty());
        assertEquals(List.of(kept), db.select(Article.class).fetchAll());
    }

    @Test
    void modelCallsJoinATransactionOfTheDefaultDatabase(Database db) {
        useAsDefault(db);
        Article article = new Article("Rolled back", 0);

        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            article.save();
            throw new IllegalStateException("abort");
        }));

        assertEquals(0, db.select(Article.class).count());
        assertEquals(0, article.id, "the rolled-back insert gives the id back");
    }

    @Test
    void anEntityUnderAMappedSuperclassThatExtendsModelWorks(Database db) {
        useAsDefault(db);
        Instant created = Instant.parse("2024-05-01T10:15:30Z");

        Memo memo = new Memo("buy milk", created).save();
        db.clearCache();

        Memo loaded = Memo.objects.get(memo.id);
        assertEquals("buy milk", loaded.text);
        assertEquals(created, loaded.createdAt);
        loaded.delete();
        assertEquals(0, Memo.objects.count());
    }

    @Test
    void modelEntitiesAreEnhancedAndMappedLikeAnyOther(@OnFile Database db, Databases databases) {
        assertTrue(Enhanced.class.isAssignableFrom(Article.class));
        assertTrue(Enhanced.class.isAssignableFrom(Memo.class));
        assertFalse(Enhanced.class.isAssignableFrom(Model.class), "Model is not enhanced");
        assertEquals(0, Model.class.getDeclaredFields().length, "Model declares no field");

        db.createTables(Article.class);

        assertEquals(List.of("id", "title", "views", "author_id"),
                new Schema(databases.pathOf(db)).columns("article").stream().map(Schema.ColumnInfo::name).toList());
    }

    @Test
    void modelEntitiesAlsoWorkThroughAnExplicitDatabaseWithoutADefault(Database db) {
        db.createTables(Author.class, Article.class);
        Article article = db.save(new Article("Explicit", 5));

        db.clearCache();

        assertEquals("Explicit", db.get(Article.class, article.id).title);
        assertEquals(1, db.select(Article.class).filter("views__gt", 4).count());
    }

    @Test
    void modelItselfIsNotAnEntity(Database db) {
        MappingException refused = assertThrows(MappingException.class, () -> db.createTables(Model.class));

        assertTrue(refused.getMessage().contains("dev.weft.Model"), refused.getMessage());
        assertTrue(refused.getMessage().contains("base class of the active-record style"), refused.getMessage());
        assertFalse(refused.getMessage().contains("annotate it"), "Model must not be annotated: " + refused.getMessage());
    }

    // ---- Finder -------------------------------------------------------------------------------

    @Test
    void finderFiltersOrdersAndCounts(Database db) {
        useAsDefault(db);
        Author ursula = new Author("Ursula");
        new Article("B", 20, ursula).save();
        new Article("A", 10, ursula).save();
        Author john = new Author("John Doe");
        new Article("C", 30, john).save();
        new Article("D", 0).save();

        assertEquals(4, Article.objects.count());
        assertEquals(List.of("A", "B", "C", "D"), titles(Article.objects.order("title").fetchAll()));
        assertEquals(List.of("C", "B"), titles(Article.objects.filter("views__ge", 20).order("-views").fetchAll()));
        assertEquals(List.of("A", "B"), titles(Article.objects.filter("author", ursula).order("title").fetchAll()));
        assertEquals(List.of("C"), titles(Article.objects.filter(Filter.where("author", john)).fetchAll()));
        assertEquals(List.of("A", "B", "D"), titles(Article.objects.exclude("author", john).order("title").fetchAll()));
        assertEquals(List.of("D"), titles(Article.objects.exclude(Filter.where("author__isnull", false)).fetchAll()));
        assertEquals(List.of("B", "C"), titles(Article.objects.order("title").offset(1).limit(2).fetchAll()));
        assertEquals(List.of("A", "B"), titles(Article.objects.order("title").limit(2).fetchAll()));
        assertEquals(2, Article.objects.filter("author", ursula).count());
        assertTrue(Article.objects.exists());
        assertEquals(4, Article.objects.all().size());
        assertEquals(4, Article.objects.fetchAll().size());
        assertEquals(List.of("A", "B", "C", "D"),
                Article.objects.stream().map(article -> article.title).sorted().collect(Collectors.toList()));
    }

    @Test
    void finderGetsAndFindsById(Database db) {
        useAsDefault(db);
        Article article = new Article("Found", 1).save();

        assertSame(article, Article.objects.get(article.id));
        assertSame(article, Article.objects.find(article.id).orElseThrow());
        assertTrue(Article.objects.find(article.id + 1).isEmpty());
        NotFoundException missing = assertThrows(NotFoundException.class, () -> Article.objects.get(article.id + 1));
        assertTrue(missing.getMessage().contains("Article#" + (article.id + 1)), missing.getMessage());
    }

    @Test
    void finderFetchesFirstLastOneAndTheSingleRow(Database db) {
        useAsDefault(db);
        assertFalse(Article.objects.exists());
        assertTrue(Article.objects.fetchFirst().isEmpty());
        assertTrue(Article.objects.fetchOne().isEmpty());
        assertThrows(NotFoundException.class, () -> Article.objects.get());

        Article first = new Article("First", 1).save();

        assertSame(first, Article.objects.get());
        assertSame(first, Article.objects.fetchOne().orElseThrow());

        Article last = new Article("Last", 2).save();

        assertSame(first, Article.objects.fetchFirst().orElseThrow());
        assertSame(last, Article.objects.fetchLast().orElseThrow());
        assertThrows(MultipleResultsException.class, () -> Article.objects.fetchOne());
        assertThrows(MultipleResultsException.class, () -> Article.objects.get());
    }

    @Test
    void finderUpdatesAndDeletesInBulk(Database db) {
        useAsDefault(db);
        Article low = new Article("Low", 1).save();
        Article high = new Article("High", 100).save();

        assertEquals(2, Article.objects.update(Map.of("views", 7)));
        assertEquals(7, low.views, "loaded objects take the new values");
        assertEquals(7, high.views);

        assertEquals(2, Article.objects.delete());
        assertEquals(0, db.select(Article.class).count());
    }

    @Test
    void finderLooksTheDefaultDatabaseUpAtEveryCall(Database first, Database second) {
        Finder<Article> finder = Finder.of(Article.class); // made before any default database exists
        useAsDefault(first);
        new Article("In first", 1).save();
        new Article("Also in first", 2).save();
        Query<Article> refinedOnFirst = finder.filter("views__gt", 0);
        useAsDefault(second);
        new Article("In second", 3).save();

        assertEquals(List.of("In second"), titles(finder.fetchAll()));
        assertEquals(List.of("In second"), titles(Article.objects.fetchAll()));
        assertEquals(2, refinedOnFirst.count(), "a refined query stays on the database it was made on");
        assertEquals(2, first.select(Article.class).count());

        Database.setDefault(first);

        assertEquals(2, finder.count());
        assertEquals(2, Article.objects.count());
    }

    @Test
    void modelLooksTheDefaultDatabaseUpAtEveryCall(Database first, Database second) {
        useAsDefault(first);
        useAsDefault(second);
        Article article = new Article("Moves", 1);

        Database.setDefault(first);
        article.save();

        assertEquals(1, first.select(Article.class).count());
        assertEquals(0, second.select(Article.class).count());
    }

    @Test
    void finderIsAValueOfItsEntityClass() {
        assertEquals(Finder.of(Article.class), Article.objects);
        assertEquals(Finder.of(Article.class).hashCode(), Article.objects.hashCode());
        assertFalse(Finder.of(Memo.class).equals(Finder.of(Article.class)));
        assertSame(Article.class, Article.objects.type());
        assertEquals("Finder.of(dev.weft.test.model.Article)", Article.objects.toString());
        assertThrows(NullPointerException.class, () -> Finder.of(null));
    }

    // ---- without a default database ----------------------------------------------------------

    @Test
    void everyCallWithoutADefaultDatabaseFailsWithAClearMessage() {
        Database.setDefault(null);
        Article article = new Article("Nowhere", 0);

        List<Executable> calls = List.of(
                article::save,
                article::delete,
                () -> Article.objects.count(),
                () -> Article.objects.fetchAll(),
                () -> Article.objects.all(),
                () -> Article.objects.filter("title", "x"),
                () -> Article.objects.order("title"),
                () -> Article.objects.get(1L),
                () -> Article.objects.find(1L),
                () -> Article.objects.stream());
        for (Executable call : calls) {
            WeftException failure = assertThrows(WeftException.class, call);
            assertTrue(failure.getMessage().contains("Database.setDefault(db)"), failure.getMessage());
        }
        assertEquals(0, article.id);
    }

    @Test
    void clearingTheDefaultDatabaseStopsTheActiveRecordStyle(Database db) {
        useAsDefault(db);
        Article article = new Article("Saved", 1).save();

        Database.setDefault(null);

        assertThrows(WeftException.class, article::delete);
        assertThrows(WeftException.class, () -> Article.objects.count());
        assertEquals(1, db.select(Article.class).count(), "the database itself is untouched");
    }
}
