package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD "Usage Examples" 1: the tables, foreign keys, indexes and junction tables of the models. */
@ExtendWith(SampleDb.Extension.class)
class BasicModelSetupTest {

    @Test
    void createsATableForEveryModelAndTheJunctionTables(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        assertEquals(List.of("author", "book_tags", "books", "category", "category_books", "profile", "tag", "user"),
                s.tables());
    }

    @Test
    void bookAuthorIsARequiredForeignKeyThatCascadesDeletes(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        assertEquals(List.of(List.of("author_id", "author", "id", "CASCADE")), foreignKeys(s, "books"));
        assertEquals(1L, s.value("SELECT \"notnull\" FROM pragma_table_info('books') WHERE name = 'author_id'"));
    }

    @Test
    void profileUserIsAUniqueForeignKey(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        assertEquals(List.of(List.of("user_id", "user", "id", "RESTRICT")), foreignKeys(s, "profile"));
        assertTrue(uniqueIndexedColumns(s, "profile").contains(List.of("user_id")),
                "no UNIQUE index on profile.user_id: " + uniqueIndexedColumns(s, "profile"));
    }

    @Test
    void junctionTablesHaveACompositePrimaryKeyOfTwoForeignKeys(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        assertEquals(List.of("category_id", "book_id"), primaryKey(s, "category_books"));
        assertEquals(List.of(List.of("book_id", "books", "id", "CASCADE"), List.of("category_id", "category", "id", "CASCADE")),
                foreignKeys(s, "category_books"));
        // section 6: the custom name of Tag's junction table
        assertEquals(List.of("tag_id", "book_id"), primaryKey(s, "book_tags"));
        assertEquals(List.of(List.of("book_id", "books", "id", "CASCADE"), List.of("tag_id", "tag", "id", "CASCADE")),
                foreignKeys(s, "book_tags"));
    }

    @Test
    void everyForeignKeyColumnIsIndexed(SampleDb s) {
        BasicModelSetup.createTables(s.db());

        for (String table : s.tables()) {
            List<String> leading = s.column("SELECT (SELECT name FROM pragma_index_info(il.name) WHERE seqno = 0) "
                    + "FROM pragma_index_list(?) il", table).stream().map(String.class::cast).toList();
            for (List<Object> fk : foreignKeys(s, table)) {
                assertTrue(leading.contains(fk.get(0)), table + "." + fk.get(0) + " has no index; indexes lead with " + leading);
            }
        }
    }

    @Test
    void creatingTheTablesAgainKeepsTheirRows(SampleDb s) {
        BasicModelSetup.createTables(s.db());
        s.db().save(new Author("John Doe", "john@example.com"));

        BasicModelSetup.createTables(s.db());

        assertEquals(List.of("John Doe"), s.column("SELECT name FROM author"));
    }

    /** (from, table, to, on_delete) of each foreign key of {@code table}, ordered by column. */
    static List<List<Object>> foreignKeys(SampleDb s, String table) {
        return s.rows("SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY \"from\"", table);
    }

    static List<String> primaryKey(SampleDb s, String table) {
        return s.column("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table)
                .stream().map(String.class::cast).toList();
    }

    /** The columns of each unique index of {@code table}. */
    static List<List<String>> uniqueIndexedColumns(SampleDb s, String table) {
        List<List<String>> indexes = new ArrayList<>();
        for (Object index : s.column("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1", table)) {
            indexes.add(s.column("SELECT name FROM pragma_index_info(?) ORDER BY seqno", index)
                    .stream().map(String.class::cast).toList());
        }
        return indexes;
    }
}
