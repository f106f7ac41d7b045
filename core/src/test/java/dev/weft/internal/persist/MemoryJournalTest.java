package dev.weft.internal.persist;

import dev.weft.IdentityMap;
import dev.weft.internal.meta.Metamodel;
import dev.weft.test.model.Author;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MemoryJournalTest {

    private final PersistenceContext context = new PersistenceContext(new Metamodel(), IdentityMap.WEAK, null);

    @Test
    void anInsertedObjectGetsBackTheIdItHadBefore() {
        Author author = new Author("Ursula", "ursula@example.org");
        MemoryJournal journal = new MemoryJournal(context);

        journal.touchInserted(author, context.meta(author));
        author.id = 7; // as the insert sets the generated id
        journal.revert();

        assertEquals(0, author.id);
        assertEquals("Ursula", author.name);
    }

    /** Recorded first for an insert (its id only), then changed further in the same operation: all of it goes back. */
    @Test
    void anInsertedObjectTouchedAgainGetsBackEveryFieldAndTheIdItHadBefore() {
        Author author = new Author("Ursula", "ursula@example.org");
        MemoryJournal journal = new MemoryJournal(context);

        journal.touchInserted(author, context.meta(author));
        author.id = 7;
        journal.touch(author);
        author.name = "Changed";
        author.email = null;
        journal.revert();

        assertEquals(0, author.id);
        assertEquals("Ursula", author.name);
        assertEquals("ursula@example.org", author.email);
    }
}
