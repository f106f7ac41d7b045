package dev.weft.samples.sqliter.definitions;

import dev.weft.UniqueViolationException;
import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD requirement 2, "Model Definition Examples": what each relation of the models means in the database. */
@ExtendWith(SampleDb.Extension.class)
class ModelDefinitionsTest {

    @Test
    void theModelsMapToFourTablesAndTheDefaultJunctionTable(SampleDb s) {
        ModelDefinitions.createTables(s.db());

        assertEquals(List.of("author", "book", "profile", "tag", "tag_books"), s.tables());
        assertEquals(List.of(List.of("author_id", "author", "id", "CASCADE")), foreignKeys(s, "book"));
        assertEquals(List.of(List.of("user_id", "author", "id", "CASCADE")), foreignKeys(s, "profile"));
        assertEquals(List.of(List.of("book_id", "book", "id", "CASCADE"), List.of("tag_id", "tag", "id", "CASCADE")),
                foreignKeys(s, "tag_books"));
        assertEquals(List.of("tag_id", "book_id"),
                s.column("SELECT name FROM pragma_table_info('tag_books') WHERE pk > 0 ORDER BY pk"));
    }

    @Test
    void aProfileBelongsToItsAuthor(SampleDb s) {
        ModelDefinitions.createTables(s.db());

        ModelDefinitions.Models models = ModelDefinitions.saveModels(s.db());

        assertSame(models.author(), models.profile().user);
        assertSame(models.author(), models.book().author);
        assertEquals(List.of(List.of(models.author().id, "Python developer")), s.rows("SELECT user_id, bio FROM profile"));
        assertEquals(List.of(List.of("Python Programming", models.author().id, "2024-01-01")),
                s.rows("SELECT title, author_id, published_date FROM book"));
    }

    @Test
    void aSecondProfileForTheSameAuthorIsRefused(SampleDb s) {
        ModelDefinitions.createTables(s.db());
        ModelDefinitions.Models models = ModelDefinitions.saveModels(s.db());

        UniqueViolationException refusal = ModelDefinitions.secondProfile(s.db(), models.author());

        assertTrue(refusal.getMessage().contains("Profile"), refusal.getMessage());
        assertEquals(List.of("Python developer"), s.column("SELECT bio FROM profile"));
    }

    @Test
    void aTagHoldsBooksThroughTheJunctionTable(SampleDb s) {
        ModelDefinitions.createTables(s.db());
        ModelDefinitions.Models models = ModelDefinitions.saveModels(s.db());

        Tag tag = ModelDefinitions.tagBook(s.db(), models.book());

        assertEquals(List.of(List.of(tag.id, models.book().id)), s.rows("SELECT tag_id, book_id FROM tag_books"));
        assertEquals(List.of(models.book()), List.copyOf(tag.books));
        assertEquals(1, tag.books.count());
    }

    private static List<List<Object>> foreignKeys(SampleDb s, String table) {
        return s.rows("SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY \"from\"", table);
    }
}
