package dev.weft.samples.sqliter;

import dev.weft.samples.SampleDb;
import dev.weft.samples.sqliter.RelationshipManagement.Tagging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRD 5.3: {@code book.tags.add(tag1, tag2)}, {@code remove(tag1)}, {@code clear()}, each written at once. */
@ExtendWith(SampleDb.Extension.class)
class RelationshipManagementTest {

    @Test
    void addWritesBothJunctionRowsAtOnce(SampleDb s) {
        Tagging t = RelationshipManagement.setUp(s.db());

        RelationshipManagement.addTags(t);

        assertEquals(Set.of(List.of(t.tag1().id, t.book().id), List.of(t.tag2().id, t.book().id)),
                Set.copyOf(s.rows("SELECT tag_id, book_id FROM book_tags")), "written without a save");
        assertEquals(Set.of(t.tag1(), t.tag2()), Set.copyOf(t.book().tags));
        assertEquals(2, t.book().tags.size());
        assertTrue(t.tag1().books.contains(t.book()), "the other side, tag1.books, holds the book");
    }

    @Test
    void removeDeletesOnlyThatLink(SampleDb s) {
        Tagging t = RelationshipManagement.setUp(s.db());
        RelationshipManagement.addTags(t);

        RelationshipManagement.removeFirstTag(t);

        assertEquals(List.of(List.of(t.tag2().id, t.book().id)), s.rows("SELECT tag_id, book_id FROM book_tags"));
        assertEquals(List.of(t.tag2()), List.copyOf(t.book().tags));
        assertFalse(t.tag1().books.contains(t.book()), "the other side, tag1.books, no longer holds the book");
        assertEquals(2, s.count("tag"), "tags are never deleted");
    }

    @Test
    void clearDeletesEveryLinkButNoTagOrBook(SampleDb s) {
        Tagging t = RelationshipManagement.setUp(s.db());
        RelationshipManagement.addTags(t);
        RelationshipManagement.removeFirstTag(t);

        RelationshipManagement.clearTags(t);

        assertEquals(0, s.count("book_tags"));
        assertTrue(t.book().tags.isEmpty());
        assertEquals(0, t.book().tags.count());
        assertFalse(t.tag2().books.contains(t.book()));
        assertEquals(2, s.count("tag"));
        assertEquals(1, s.count("books"));
    }
}
