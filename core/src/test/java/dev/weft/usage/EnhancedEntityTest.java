package dev.weft.usage;

import dev.weft.Database;
import dev.weft.DetachedException;
import dev.weft.NotEnhancedException;
import dev.weft.NotFoundException;
import dev.weft.UniqueViolationException;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.test.Databases;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.invalid.StaleSlots;
import dev.weft.test.model.Account;
import dev.weft.test.model.Author;
import dev.weft.test.model.Book;
import dev.weft.test.model.Category;
import dev.weft.test.model.Label;
import dev.weft.test.plain.PlainNote;
import example.invalid.StaleEntity;
import example.invalid.VersionOneEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What enhancement gives at run time, on classes enhanced by the build: hollow references that load on first
 * read, writes tracked field by field, and unenhanced classes refused with directions.
 */
@ExtendWith(WeftDatabaseExtension.class)
class EnhancedEntityTest {

    private static long authorRow(Database db, String name, String email) {
        Author author = db.save(new Author(name, email));
        db.evict(author);
        return author.id;
    }

    @Test
    void anUnenhancedEntityIsRefusedWithDirections(Database db) {
        for (Runnable use : List.<Runnable>of(() -> db.createTables(PlainNote.class), () -> db.register(PlainNote.class),
                () -> db.save(new PlainNote()))) {
            NotEnhancedException refused = assertThrows(NotEnhancedException.class, use::run);
            assertTrue(refused.getMessage().startsWith("dev.weft.test.plain.PlainNote is not enhanced"), refused.getMessage());
            for (String direction : List.of("weft-maven-plugin", "-javaagent:weft-agent.jar", "WeftAgent.install()")) {
                assertTrue(refused.getMessage().contains(direction), refused.getMessage());
            }
        }
    }

    @Test
    void aClassEnhancedForAnotherContractOrOtherFieldsIsRefusedWithRebuildAdvice(Database db) {
        NotEnhancedException version = assertThrows(NotEnhancedException.class, () -> db.register(StaleEntity.class));
        assertTrue(version.getMessage().startsWith("example.invalid.StaleEntity was enhanced for Weft enhancement "
                + "contract version 99, but this weft-core uses version " + Enhanced.CONTRACT_VERSION), version.getMessage());
        assertTrue(version.getMessage().contains("rebuild it"), version.getMessage());
        NotEnhancedException previous = assertThrows(NotEnhancedException.class,
                () -> db.register(VersionOneEntity.class));
        assertTrue(previous.getMessage().startsWith("example.invalid.VersionOneEntity was enhanced for Weft "
                + "enhancement contract version 1, but this weft-core uses version " + Enhanced.CONTRACT_VERSION),
                previous.getMessage());

        NotEnhancedException fields = assertThrows(NotEnhancedException.class, () -> db.createTables(StaleSlots.class));
        assertTrue(fields.getMessage().startsWith("dev.weft.test.invalid.StaleSlots was enhanced for the fields [id, title] "
                + "but declares [id, name]"), fields.getMessage());
    }

    @Test
    void aReferenceLoadsItsRowOnTheFirstReadOfAFieldOtherThanItsId(Database db, StatementLog log) {
        db.createTables(Author.class, Book.class, Category.class);
        long id = authorRow(db, "Ursula", "ul@example.org");
        log.clear();

        Author author = db.reference(Author.class, id);
        assertEquals(id, author.id);
        assertEquals(0, log.count(), log.toString());

        assertEquals("Ursula", author.name);
        assertEquals("ul@example.org", author.email);
        assertEquals(1, log.dataStatements().size(), log.toString());
        assertSame(author, db.get(Author.class, id));
        assertEquals(1, log.dataStatements().size(), "the identity map has it now: " + log);
    }

    @Test
    void aForeignKeyLoadsTheReferencedRowWhenItsFieldsAreRead(Database db, StatementLog log) {
        db.createTables(Author.class, Book.class, Category.class);
        Book saved = db.save(new Book("Earthsea", new Author("Ursula")));
        db.clearCache();
        log.clear();

        Book book = db.get(Book.class, saved.id);
        Supplier<String> nameOf = () -> book.author.name; // a lambda: rewritten like any other code
        assertEquals(1, log.dataStatements().size());
        assertEquals("Ursula", nameOf.get());
        assertEquals(2, log.dataStatements().size(), log.toString());
        assertEquals("Ursula", new Object() {
            String name() {
                return book.author.name; // an anonymous class
            }
        }.name());
        assertEquals(2, log.dataStatements().size(), log.toString());
    }

    @Test
    void readingAReferenceToAMissingRowSaysWhichRow(Database db) {
        db.createTables(Author.class, Book.class, Category.class);
        Author ghost = db.reference(Author.class, 404L);

        NotFoundException missing = assertThrows(NotFoundException.class, () -> ghost.name.length());
        assertTrue(missing.getMessage().startsWith("Author#404 does not exist"), missing.getMessage());
    }

    @Test
    void aReferenceReadAfterItsDatabaseClosedIsDetached(Databases databases) {
        Database db = databases.inMemory();
        db.createTables(Author.class, Book.class, Category.class);
        long id = authorRow(db, "Ursula", "ul@example.org");
        Author author = db.reference(Author.class, id);
        databases.close(db);

        assertEquals(id, author.id, "the id needs no row");
        DetachedException detached = assertThrows(DetachedException.class, () -> author.name.length());
        assertTrue(detached.getMessage().startsWith("cannot load Author#" + id + ": "), detached.getMessage());
    }

    @Test
    void writingAReferenceLoadsItFirstSoTheLoadCannotOverwriteTheNewValue(Database db, StatementLog log) {
        db.createTables(Author.class, Book.class, Category.class);
        long id = authorRow(db, "Ursula", "ul@example.org");
        log.clear();

        Author author = db.reference(Author.class, id);
        author.name = "Ursula K. Le Guin";
        assertEquals("Ursula K. Le Guin", author.name);
        assertEquals("ul@example.org", author.email);
        db.save(author);

        assertEquals(List.of("SELECT", "UPDATE"), log.dataStatements().stream().map(sql -> sql.split(" ")[0]).toList());
        assertTrue(log.dataStatements().get(1).contains("\"name\" = ?") && !log.dataStatements().get(1).contains("email"),
                log.toString());
        db.clearCache();
        assertEquals("Ursula K. Le Guin", db.get(Author.class, id).name);
    }

    @Test
    void saveWritesOnlyWrittenFieldsThatChanged(Database db, StatementLog log) {
        db.createTables(Author.class, Book.class, Category.class);
        Author author = db.save(new Author("Ursula", "ul@example.org"));
        log.clear();

        db.save(author);
        author.name = "Ursula"; // written, but to the value it has
        db.save(author);
        assertEquals(List.of(), log.dataStatements(), "nothing changed");

        author.email = "ursula@example.org";
        db.save(author);
        assertEquals(1, log.dataStatements().size());
        assertTrue(log.dataStatements().get(0).startsWith("UPDATE \"author\" SET \"email\" = ?"), log.toString());
        log.clear();
        db.save(author);
        assertEquals(List.of(), log.dataStatements(), "saved: clean again");

        // Each set of changed columns has its own statement, however many were written before it.
        author.name = "Ursula K. Le Guin";
        db.save(author);
        author.name = "U. K. Le Guin";
        author.email = "ukl@example.org";
        db.save(author);
        assertEquals(List.of("UPDATE \"author\" SET \"name\" = ? WHERE \"id\" = ?",
                "UPDATE \"author\" SET \"name\" = ?, \"email\" = ? WHERE \"id\" = ?"), log.dataStatements());
        db.clearCache();
        Author stored = db.get(Author.class, author.id);
        assertEquals(List.of("U. K. Le Guin", "ukl@example.org"), List.of(stored.name, stored.email));
    }

    @Test
    void aFailedSaveKeepsTheFieldsDirtySoARetryWritesThem(Database db) {
        db.createTables(Account.class);
        db.save(new Account("ada", "ada@example.org", "Ada"));
        Account grace = db.save(new Account("grace", "grace@example.org", "Grace"));

        grace.login = "ada";
        grace.loginCount = 3;
        assertThrows(UniqueViolationException.class, () -> db.save(grace));
        grace.login = "grace.hopper";
        db.save(grace);

        db.clearCache();
        Account reloaded = db.get(Account.class, grace.id);
        assertEquals("grace.hopper", reloaded.login);
        assertEquals(3, reloaded.loginCount, "the field written before the failed save is written by the retry");
    }

    @Test
    void toStringEqualsAndHashCodeNeverLoadAReference(Database db, StatementLog log) {
        db.createTables(Label.class);
        Label saved = db.save(new Label("urgent"));
        db.evict(saved);
        log.clear();

        Label label = db.reference(Label.class, saved.id);
        assertEquals("Label#" + saved.id + "(null)", label.toString());
        Set<Label> labels = new HashSet<>();
        labels.add(label);
        assertTrue(labels.contains(label));
        assertEquals(List.of(), log.dataStatements(), "printing or hashing a reference loads nothing");

        assertEquals("urgent", label.text);
        assertEquals("Label#" + saved.id + "(urgent)", label.toString());
        assertEquals(1, log.dataStatements().size());
    }
}
