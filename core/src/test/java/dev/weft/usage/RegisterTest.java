package dev.weft.usage;

import dev.weft.Database;
import dev.weft.MappingException;
import dev.weft.test.Databases;
import dev.weft.test.Schema;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Country;
import dev.weft.test.model.Magazine;
import dev.weft.test.model.Publisher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code register} maps entities onto tables that some other tool created, and creates nothing. */
@ExtendWith(WeftDatabaseExtension.class)
class RegisterTest {

    private static final String COUNTRY = "CREATE TABLE country (iso_code TEXT PRIMARY KEY, name TEXT)";
    private static final String PUBLISHER = "CREATE TABLE publisher (id INTEGER PRIMARY KEY, name TEXT)";
    private static final String MAGAZINE = "CREATE TABLE magazine (id INTEGER PRIMARY KEY, title TEXT, "
            + "publisher_id INTEGER NOT NULL REFERENCES publisher(id))";

    private static Path fileWith(Databases databases, String... ddl) {
        Path file = databases.path("existing.db");
        Sqlite.execute(file, ddl);
        return file;
    }

    @Test
    void registerReadsRowsOfAnExistingTable(Databases databases) {
        Path file = fileWith(databases, COUNTRY, "INSERT INTO country VALUES ('NO', 'Norway')");
        Database db = databases.open(file);

        db.register(Country.class);

        assertEquals("Norway", db.get(Country.class, "NO").name);
    }

    @Test
    void registerWritesRowsIntoAnExistingTable(Databases databases) {
        Path file = fileWith(databases, COUNTRY);
        Database db = databases.open(file);
        db.register(Country.class);

        db.save(new Country("IS", "Iceland"));

        assertEquals("Iceland", Sqlite.scalar(file, "SELECT name FROM country WHERE iso_code = 'IS'"));
    }

    @Test
    void registerCreatesNothing(Databases databases) {
        Path file = fileWith(databases, COUNTRY);
        List<Object> before = Sqlite.column(file, "SELECT name FROM sqlite_master ORDER BY name");
        Database db = databases.open(file);

        db.register(Country.class);

        assertEquals(before, Sqlite.column(file, "SELECT name FROM sqlite_master ORDER BY name"));
    }

    @Test
    void registerMapsForeignKeysOfExistingTables(Databases databases) {
        Path file = fileWith(databases, PUBLISHER, MAGAZINE,
                "INSERT INTO publisher VALUES (7, 'Acme')",
                "INSERT INTO magazine VALUES (1, 'Monthly', 7)");
        Database db = databases.open(file);

        db.register(Publisher.class, Magazine.class);

        Magazine magazine = db.get(Magazine.class, 1L);
        assertEquals(7L, magazine.publisher.id);
        assertEquals(List.of(magazine), db.select(Magazine.class).filter("publisher", 7L).fetchAll());
    }

    @Test
    void registerWithoutTheTableNamesTheMissingTable(Databases databases) {
        Path file = fileWith(databases, PUBLISHER);
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class, () -> db.register(Country.class));

        assertTrue(e.getMessage().contains("country"), e.getMessage());
        assertTrue(e.getMessage().contains("Country"), e.getMessage());
    }

    @Test
    void registerWithoutATableCreatesNothing(Databases databases) {
        Path file = fileWith(databases, PUBLISHER);
        Database db = databases.open(file);

        assertThrows(MappingException.class, () -> db.register(Country.class));

        assertEquals(List.of("publisher"), new Schema(file).tables());
    }

    @Test
    void registerWithoutAColumnNamesTheMissingColumn(Databases databases) {
        Path file = fileWith(databases, "CREATE TABLE country (iso_code TEXT PRIMARY KEY)");
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class, () -> db.register(Country.class));

        assertTrue(e.getMessage().contains("name"), e.getMessage());
        assertTrue(e.getMessage().contains("country"), e.getMessage());
    }

    @Test
    void registerWithoutTheKeyColumnNamesIt(Databases databases) {
        Path file = fileWith(databases, PUBLISHER,
                "CREATE TABLE magazine (id INTEGER PRIMARY KEY, title TEXT)");
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class,
                () -> db.register(Publisher.class, Magazine.class));

        assertTrue(e.getMessage().contains("publisher_id"), e.getMessage());
    }

    @Test
    void registerWithoutTheReferencedTableNamesIt(Databases databases) {
        Path file = fileWith(databases, MAGAZINE);
        Database db = databases.open(file);

        MappingException e = assertThrows(MappingException.class,
                () -> db.register(Publisher.class, Magazine.class));

        assertTrue(e.getMessage().contains("publisher"), e.getMessage());
    }
}
