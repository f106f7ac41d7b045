package dev.weft.internal.persist;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A cohort keeps its members in chunks: in order across the chunks' edges, and snapshots that stay as taken. */
class CohortTest {

    @Test
    void membersComeInTheOrderTheyWereAddedAcrossChunkEdges() {
        Cohort cohort = new Cohort();
        List<Object> added = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) { // past the chunks that end at 16, 48, 112, 240, 496 and 1,008
            Object member = "member " + i;
            added.add(member);
            cohort.add(member);
        }
        assertEquals(added, cohort.members());
        assertEquals(added, List.copyOf(cohort.members()), "iterated the same as read by index");
    }

    @Test
    void aSnapshotKeepsItsMembersWhileTheCohortGrows() {
        Cohort cohort = new Cohort();
        for (int i = 0; i < 47; i++) {
            cohort.add(i);
        }
        List<Object> snapshot = cohort.members();
        for (int i = 47; i < 300; i++) {
            cohort.add(i);
        }
        assertEquals(47, snapshot.size());
        assertEquals(46, snapshot.get(46));
        assertThrows(IndexOutOfBoundsException.class, () -> snapshot.get(47));
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(0));
        assertEquals(300, cohort.members().size());
        assertEquals(299, cohort.members().get(299));
    }

    @Test
    void anEmptyCohortHasNoMembers() {
        assertEquals(List.of(), new Cohort().members());
    }
}
