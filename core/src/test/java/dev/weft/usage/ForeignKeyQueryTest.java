package dev.weft.usage;

import dev.weft.Database;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Player;
import dev.weft.test.model.Team;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Filtering by a foreign key: by instance, by id, by reference, in lists, and NULL on a nullable key. */
@ExtendWith(WeftDatabaseExtension.class)
class ForeignKeyQueryTest {

    private Author ursula;
    private Author iain;
    private Author nobody;

    private Database library(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        ursula = db.save(new Author("Ursula"));
        iain = db.save(new Author("Iain"));
        nobody = db.save(new Author("Nobody"));
        db.saveAll(List.of(new Book("The Dispossessed", ursula), new Book("The Lathe of Heaven", ursula),
                new Book("Excession", iain)));
        return db;
    }

    private static Set<String> titles(Query<Book> query) {
        Set<String> titles = new TreeSet<>();
        query.fetchAll().forEach(b -> titles.add(b.title));
        return titles;
    }

    private static Set<String> players(Query<Player> query) {
        Set<String> names = new TreeSet<>();
        query.fetchAll().forEach(p -> names.add(p.name));
        return names;
    }

    @Test
    void filterByAnInstanceMatchesItsRows(Database db) {
        library(db);

        assertEquals(Set.of("The Dispossessed", "The Lathe of Heaven"), titles(db.select(Book.class).filter("author", ursula)));
    }

    @Test
    void filterByAnIdMatchesLikeTheInstance(Database db) {
        library(db);

        assertEquals(Set.of("Excession"), titles(db.select(Book.class).filter("author", iain.id)));
    }

    @Test
    void filterByAnIntegerIdWorksToo(Database db) {
        library(db);

        assertEquals(Set.of("Excession"), titles(db.select(Book.class).filter("author", (int) iain.id)));
    }

    @Test
    void filterByAReferenceMatchesLikeTheInstance(Database db) {
        library(db);
        db.clearCache();

        assertEquals(Set.of("Excession"), titles(db.select(Book.class).filter("author", db.reference(Author.class, iain.id))));
    }

    @Test
    void filterByAnAuthorWithoutBooksMatchesNothing(Database db) {
        library(db);

        assertEquals(Set.of(), titles(db.select(Book.class).filter("author", nobody)));
    }

    @Test
    void filterByAListOfInstances(Database db) {
        library(db);

        assertEquals(Set.of("The Dispossessed", "The Lathe of Heaven", "Excession"),
                titles(db.select(Book.class).filter("author__in", List.of(ursula, iain))));
    }

    @Test
    void filterByAListOfIds(Database db) {
        library(db);

        assertEquals(Set.of("Excession"), titles(db.select(Book.class).filter("author__in", List.of(iain.id, nobody.id))));
    }

    @Test
    void excludeByInstance(Database db) {
        library(db);

        assertEquals(Set.of("Excession"), titles(db.select(Book.class).exclude("author", ursula)));
    }

    @Test
    void neByInstance(Database db) {
        library(db);

        assertEquals(Set.of("Excession"), titles(db.select(Book.class).filter("author__ne", ursula)));
    }

    @Test
    void countAndDeleteByInstance(Database db) {
        library(db);

        assertEquals(2, db.select(Book.class).filter("author", ursula).count());
        assertEquals(2, db.select(Book.class).filter("author", ursula).delete());
        assertEquals(Set.of("Excession"), titles(db.select(Book.class)));
    }

    @Test
    void updateOfAForeignKeyMovesRows(Database db) {
        library(db);

        long moved = db.select(Book.class).filter("author", ursula).update(java.util.Map.of("author", iain));

        assertEquals(2, moved);
        assertEquals(3, db.select(Book.class).filter("author", iain).count());
    }

    @Test
    void filterByAnInstanceOfTheWrongEntityIsRefused(Database db) {
        library(db);
        db.createTables(Team.class, Player.class);
        Team team = db.save(new Team("Reds"));

        assertThrows(QueryException.class, () -> db.select(Book.class).filter("author", team));
    }

    // ---- a nullable key ----------------------------------------------------------------------

    private static Team teams(Database db) {
        db.createTables(Team.class, Player.class);
        Team reds = db.save(new Team("Reds"));
        Team blues = db.save(new Team("Blues"));
        db.saveAll(List.of(new Player("Ann", reds), new Player("Bob", blues), new Player("Cat", null),
                new Player("Dan", reds)));
        return reds;
    }

    @Test
    void isnullOnANullableKeyMatchesRowsWithoutTarget(Database db) {
        teams(db);

        assertEquals(Set.of("Cat"), players(db.select(Player.class).filter("team__isnull", true)));
        assertEquals(Set.of("Ann", "Bob", "Dan"), players(db.select(Player.class).filter("team__isnull", false)));
    }

    @Test
    void nullForAKeyMeansIsNull(Database db) {
        teams(db);

        assertEquals(Set.of("Cat"), players(db.select(Player.class).filter("team", null)));
    }

    @Test
    void excludeByInstanceKeepsRowsWithoutTarget(Database db) {
        Team reds = teams(db);

        assertEquals(Set.of("Bob", "Cat"), players(db.select(Player.class).exclude("team", reds)));
    }

    @Test
    void notInByInstanceIsTheComplementOfIn(Database db) {
        Team reds = teams(db);

        assertEquals(Set.of("Ann", "Dan"), players(db.select(Player.class).filter("team__in", List.of(reds))));
        assertEquals(Set.of("Bob", "Cat"), players(db.select(Player.class).exclude("team__in", List.of(reds))));
    }

    @Test
    void loadedNullKeyIsNull(Database db) {
        teams(db);
        db.clearCache();

        assertEquals(null, db.select(Player.class).filter("name", "Cat").get().team);
    }
}
