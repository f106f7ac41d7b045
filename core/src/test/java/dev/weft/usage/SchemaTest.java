package dev.weft.usage;

import dev.weft.Database;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Schema.ColumnInfo;
import dev.weft.test.Schema.ForeignKeyInfo;
import dev.weft.test.Schema;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Account;
import dev.weft.test.model.AllTypes;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Country;
import dev.weft.test.model.Department;
import dev.weft.test.model.Device;
import dev.weft.test.model.Employee;
import dev.weft.test.model.Magazine;
import dev.weft.test.model.Note;
import dev.weft.test.model.Player;
import dev.weft.test.model.Profile;
import dev.weft.test.model.Publisher;
import dev.weft.test.model.Review;
import dev.weft.test.model.Team;
import dev.weft.test.model.Ticket;
import dev.weft.test.model.User;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code createTables} leaves in the file, read back through SQLite's own catalogue. */
@ExtendWith(WeftDatabaseExtension.class)
class SchemaTest {

    private static final Class<?>[] LIBRARY = {Author.class, Book.class, User.class, Profile.class, Category.class};

    private static Schema create(Databases databases, Database db, Class<?>... entities) {
        db.createTables(entities);
        return new Schema(databases.pathOf(db));
    }

    @Test
    void createTablesMakesOneTablePerEntityAndTheJunctionTable(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, LIBRARY);

        List<String> tables = schema.tables();
        for (String table : List.of("author", "books", "user", "profile", "category", "book_categories")) {
            assertTrue(tables.contains(table), "missing table " + table + " in " + tables);
        }
    }

    @Test
    void tablesAreCreatedAfterTheTablesTheyReference(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Category.class, Profile.class, Book.class, User.class, Author.class);

        List<String> tables = schema.tables();
        assertTrue(tables.indexOf("author") < tables.indexOf("books"), tables::toString);
        assertTrue(tables.indexOf("user") < tables.indexOf("profile"), tables::toString);
        assertTrue(tables.indexOf("books") < tables.indexOf("book_categories"), tables::toString);
        assertTrue(tables.indexOf("category") < tables.indexOf("book_categories"), tables::toString);
    }

    @Test
    void columnNamesAreTheFieldNamesInSnakeCase(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, AllTypes.class, Author.class, Book.class, Review.class);

        List<String> allTypes = schema.columnNames("all_types");
        for (String column : List.of("id", "primitive_boolean", "primitive_byte", "primitive_short", "primitive_int",
                "primitive_long", "primitive_float", "primitive_double", "primitive_char", "boxed_boolean",
                "boxed_byte", "boxed_short", "boxed_int", "boxed_long", "boxed_float", "boxed_double", "boxed_char",
                "text", "decimal", "bytes", "uuid_value", "color", "local_date", "local_date_time", "instant")) {
            assertTrue(allTypes.contains(column), "all_types lacks " + column + ": " + allTypes);
        }
        assertEquals(List.of("id", "title", "author_id", "published_date"), sorted(schema.columnNames("books"),
                List.of("id", "title", "author_id", "published_date")));
        assertTrue(schema.columnNames("review").contains("reviewer_name"));
    }

    @Test
    void relationCollectionsHaveNoColumn(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, LIBRARY);

        assertEquals(List.of("id", "name", "email"), schema.columnNames("author"));
        assertFalse(schema.columnNames("books").contains("categories"));
        assertFalse(schema.columnNames("user").contains("profile"));
        assertFalse(schema.columnNames("user").contains("profile_id"));
        assertEquals(List.of("id", "name"), schema.columnNames("category"));
    }

    @Test
    void customTableAndColumnNamesAreUsed(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Book.class, Account.class, Review.class, Country.class);

        assertTrue(schema.tables().contains("books"));
        assertFalse(schema.tables().contains("book"));
        assertTrue(schema.columnNames("account").contains("login_name"));
        assertFalse(schema.columnNames("account").contains("login"));
        assertTrue(schema.columnNames("review").contains("reviewed_book"));
        assertEquals("reviewed_book", schema.foreignKey("review", "reviewed_book").from());
        assertEquals(1, schema.column("country", "iso_code").pk());
    }

    @Test
    void primitiveColumnsAreNotNullAndOthersNullable(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, AllTypes.class);

        for (ColumnInfo column : schema.columns("all_types")) {
            if (column.name().equals("id")) {
                continue;
            }
            boolean primitive = column.name().startsWith("primitive_");
            assertEquals(primitive, column.notNull(), column.name() + " NOT NULL should be " + primitive);
        }
    }

    @Test
    void nullableFalseMakesTheColumnNotNull(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Account.class, Player.class);

        assertTrue(schema.column("account", "login_name").notNull());
        assertTrue(schema.column("account", "display_name").notNull());
        assertFalse(schema.column("account", "email").notNull());
        assertTrue(schema.column("account", "login_count").notNull());
        assertTrue(schema.column("player", "name").notNull());
    }

    @Test
    void foreignKeysAreNotNullUnlessDeclaredNullable(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Book.class, Magazine.class, Player.class, Profile.class);

        assertTrue(schema.column("books", "author_id").notNull());
        assertTrue(schema.column("magazine", "publisher_id").notNull());
        assertTrue(schema.column("profile", "user_id").notNull());
        assertFalse(schema.column("player", "team_id").notNull());
    }

    @Test
    void transientFieldsAreNotColumns(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Account.class);

        assertFalse(schema.columnNames("account").contains("session_token"));
        assertFalse(schema.columnNames("account").contains("sessionToken"));
    }

    @Test
    void generatedIdsAreIntegerPrimaryKeys(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Author.class, User.class, Ticket.class);

        for (String table : List.of("author", "user", "ticket")) {
            ColumnInfo id = schema.column(table, "id");
            assertEquals("INTEGER", id.type().toUpperCase(Locale.ROOT), table + ".id type");
            assertEquals(1, id.pk(), table + ".id is the primary key");
        }
    }

    @Test
    void applicationAssignedIdsArePrimaryKeys(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Country.class, Device.class);

        assertEquals(1, schema.column("country", "iso_code").pk());
        assertEquals(1, schema.column("device", "id").pk());
    }

    @Test
    void cascadeKeyCarriesOnDeleteCascade(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Book.class);

        ForeignKeyInfo key = schema.foreignKey("books", "author_id");
        assertEquals("author", key.table());
        assertEquals("id", key.to());
        assertEquals("CASCADE", key.onDelete());
        assertEquals("CASCADE", key.onUpdate());
    }

    @Test
    void setNullKeyCarriesOnDeleteSetNull(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Player.class);

        ForeignKeyInfo key = schema.foreignKey("player", "team_id");
        assertEquals("team", key.table());
        assertEquals("SET NULL", key.onDelete());
        assertEquals("CASCADE", key.onUpdate());
    }

    @Test
    void unannotatedKeyDefaultsToOnDeleteRestrict(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Magazine.class);

        ForeignKeyInfo key = schema.foreignKey("magazine", "publisher_id");
        assertEquals("publisher", key.table());
        assertEquals("RESTRICT", key.onDelete());
        assertEquals("CASCADE", key.onUpdate());
    }

    @Test
    void foreignKeyToCustomIdColumnReferencesThatColumn(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Review.class);

        ForeignKeyInfo key = schema.foreignKey("review", "reviewed_book");
        assertEquals("books", key.table());
        assertEquals("id", key.to());
        assertEquals("CASCADE", key.onDelete());
    }

    @Test
    void everyForeignKeyColumnIsIndexed(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Author.class, Book.class, User.class, Profile.class, Category.class,
                Publisher.class, Magazine.class, Team.class, Player.class, Review.class, Department.class,
                Employee.class);

        int keys = 0;
        for (String table : schema.tables()) {
            for (ForeignKeyInfo key : schema.foreignKeys(table)) {
                keys++;
                assertTrue(schema.indexLeadingWith(table, key.from()).isPresent(),
                        "no index leads with " + table + "." + key.from() + ": " + schema.indexes(table));
            }
        }
        assertEquals(9, keys, "books, profile, book_categories x2, magazine, player, review, department, employee");
    }

    @Test
    void oneToOneKeyIsUnique(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, User.class, Profile.class);

        assertTrue(schema.isUnique("profile", "user_id"), () -> schema.indexes("profile").toString());
    }

    @Test
    void manyToOneKeyIsNotUnique(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Book.class);

        assertFalse(schema.isUnique("books", "author_id"), () -> schema.indexes("books").toString());
    }

    @Test
    void columnUniqueTrueMakesAUniqueIndex(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Account.class);

        assertTrue(schema.isUnique("account", "login_name"), () -> schema.indexes("account").toString());
        assertTrue(schema.isUnique("account", "email"), () -> schema.indexes("account").toString());
        assertFalse(schema.isUnique("account", "display_name"), () -> schema.indexes("account").toString());
    }

    @Test
    void junctionTableHasACompositePrimaryKeyOfBothKeys(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Category.class, Book.class);

        assertEquals(List.of("book_id", "category_id"), sorted(schema.columnNames("book_categories"),
                List.of("book_id", "category_id")));
        assertEquals(2, schema.columnNames("book_categories").size(), schema.columnNames("book_categories")::toString);
        int categoryPk = schema.column("book_categories", "category_id").pk();
        int bookPk = schema.column("book_categories", "book_id").pk();
        assertEquals(List.of(1, 2), sorted(List.of(categoryPk, bookPk), List.of(1, 2)),
                "both columns form the primary key");
        assertTrue(schema.column("book_categories", "category_id").notNull());
        assertTrue(schema.column("book_categories", "book_id").notNull());
    }

    @Test
    void junctionTableReferencesBothTables(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Category.class, Book.class);

        assertEquals("category", schema.foreignKey("book_categories", "category_id").table());
        assertEquals("books", schema.foreignKey("book_categories", "book_id").table());
    }

    @Test
    void junctionTableIndexesTheSecondColumnOfItsKey(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Category.class, Book.class);

        String second = schema.column("book_categories", "category_id").pk() == 2 ? "category_id" : "book_id";
        String first = second.equals("book_id") ? "category_id" : "book_id";
        assertTrue(schema.indexLeadingWith("book_categories", second).isPresent(),
                () -> "no index leads with " + second + ": " + schema.indexes("book_categories"));
        assertTrue(schema.indexLeadingWith("book_categories", first).isPresent(),
                () -> "the primary key leads with " + first + ": " + schema.indexes("book_categories"));
    }

    @Test
    void cyclicForeignKeysAreCreated(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Department.class, Employee.class);

        assertEquals("employee", schema.foreignKey("department", "head_id").table());
        assertEquals("department", schema.foreignKey("employee", "department_id").table());
        assertFalse(schema.column("department", "head_id").notNull());
        assertTrue(schema.column("employee", "department_id").notNull());
    }

    @Test
    void cyclicEntitiesCanBeSavedAndLinkedBothWays(@OnFile Database db, Databases databases) {
        db.createTables(Employee.class, Department.class);
        Department department = db.save(new Department("Research"));
        Employee head = db.save(new Employee("Ada", department));
        department.head = head;
        db.save(department);
        db.clearCache();

        Department loaded = db.get(Department.class, department.id);
        assertEquals(head.id, loaded.head.id);
        assertEquals(department.id, db.get(Employee.class, head.id).department.id);
        assertEquals(head.id, ((Number) Sqlite.scalar(databases.pathOf(db),
                "SELECT head_id FROM department WHERE id = ?", department.id)).longValue());
    }

    @Test
    void mappedSuperclassFieldsAreColumnsOfTheEntity(@OnFile Database db, Databases databases) {
        Schema schema = create(databases, db, Note.class);

        assertEquals(List.of("body", "created_at", "id"), sorted(schema.columnNames("note"),
                List.of("body", "created_at", "id")));
        assertEquals(1, schema.column("note", "id").pk());
        assertFalse(schema.tables().contains("timestamped"));
    }

    @Test
    void createTablesTwiceChangesNothing(@OnFile Database db, Databases databases) {
        Path file = databases.pathOf(db);
        db.createTables(LIBRARY);
        List<Object> before = Sqlite.column(file, "SELECT sql FROM sqlite_master ORDER BY name");

        db.createTables(LIBRARY);

        assertEquals(before, Sqlite.column(file, "SELECT sql FROM sqlite_master ORDER BY name"));
    }

    @Test
    void createTablesOnAReopenedFileKeepsTheData(@OnFile Database db, Databases databases) {
        Path file = databases.pathOf(db);
        db.createTables(LIBRARY);
        db.createTables(LIBRARY);
        Author author = db.save(new Author("Ursula", "ursula@example.com"));
        db.save(new Book("The Dispossessed", author));
        List<Object> before = Sqlite.column(file, "SELECT sql FROM sqlite_master ORDER BY name");

        Database reopened = databases.reopen(db);
        reopened.createTables(LIBRARY);

        assertEquals(before, Sqlite.column(file, "SELECT sql FROM sqlite_master ORDER BY name"));
        assertEquals("Ursula", reopened.get(Author.class, author.id).name);
        assertEquals(1, reopened.select(Book.class).count());
    }

    @Test
    void reopenedFileAnswersWithoutCreateTablesAfterRegister(@OnFile Database db, Databases databases) {
        db.createTables(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ursula"));

        Database reopened = databases.reopen(db);
        reopened.register(Author.class, Book.class, Category.class);

        Author loaded = reopened.get(Author.class, author.id);
        assertNotNull(loaded);
        assertEquals("Ursula", loaded.name);
        assertSame(loaded, reopened.get(Author.class, author.id));
    }

    /** {@code actual} in the order of {@code order}, for comparing sets of names with a readable message. */
    private static <T> List<T> sorted(List<T> actual, List<T> order) {
        if (actual.size() != order.size() || !actual.containsAll(order)) {
            return actual;
        }
        return order;
    }
}
