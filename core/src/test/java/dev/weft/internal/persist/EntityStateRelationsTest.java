package dev.weft.internal.persist;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** An object's live collections, kept by side in a small array that grows past two sides. */
class EntityStateRelationsTest {

    private record Side(String name) {
    }

    @Test
    void eachSideGetsOneCollectionMadeOnceHoweverManySidesThereAre() {
        EntityState state = new EntityState(null, null, EntityState.Status.MANAGED, null, 0);
        List<Object> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // past the first array's two sides, and its first copy's four
            Side side = new Side("side " + i);
            assertNull(state.relation(side));
            Object collection = state.relation(side, s -> {
                Object c = new ArrayList<>(List.of(s));
                made.add(c);
                return c;
            });
            assertSame(collection, state.relation(new Side("side " + i)), "found by an equal side");
        }
        for (int i = 0; i < 5; i++) {
            assertSame(made.get(i), state.relation(new Side("side " + i), s -> {
                throw new AssertionError("made twice: " + s);
            }));
        }
        assertEquals(5, made.size());
        assertNull(state.relation(new Side("another")));
    }
}
