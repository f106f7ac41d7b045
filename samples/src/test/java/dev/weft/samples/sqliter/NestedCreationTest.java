package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD 5.1: {@code book.save()  # Saves both book and author}. */
@ExtendWith(SampleDb.Extension.class)
class NestedCreationTest {

    @Test
    void savingABookWithANewAuthorSavesBoth(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        Book book = NestedCreation.createBookWithNewAuthor(s.db());

        assertNotEquals(0, book.id);
        assertNotEquals(0, book.author.id);
        assertEquals(List.of(List.of(book.author.id, "New Author")), s.rows("SELECT id, name FROM author"));
        assertEquals(List.of(List.of(book.id, "New Book", book.author.id)), s.rows("SELECT id, title, author_id FROM books"));
    }

    @Test
    void theAuthorIsInsertedBeforeTheBookInOneTransaction(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        List<String> sql = s.statementsDuring(() -> NestedCreation.createBookWithNewAuthor(s.db()));

        List<String> inserts = sql.stream().filter(statement -> statement.startsWith("INSERT")).toList();
        assertEquals(2, inserts.size(), sql.toString());
        assertTrue(inserts.get(0).startsWith("INSERT INTO \"author\""), sql.toString());
        assertTrue(inserts.get(1).startsWith("INSERT INTO \"books\""), sql.toString());
        assertEquals(1, sql.stream().filter(statement -> statement.startsWith("BEGIN")).count(), sql.toString());
        assertEquals("COMMIT", sql.get(sql.size() - 1), sql.toString());
    }
}
