package dev.weft.internal.relation;

import dev.weft.RelationSet;
import dev.weft.WeftException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory relation of an owner that has not been saved. */
class UnsavedRelationSetTest {

    /** An element whose equals says two objects of the same title are equal, as an entity's may. */
    private record Item(String title) {
    }

    private final Item earthsea = new Item("Earthsea");
    private final Item tombs = new Item("The Tombs of Atuan");
    private final Item otherEarthsea = new Item("Earthsea");
    private final UnsavedRelationSet<Item> items = new UnsavedRelationSet<>();

    @Test
    void startsEmpty() {
        assertTrue(items.isEmpty());
        assertEquals(0, items.size());
        assertEquals(0, items.count());
        assertFalse(items.exists());
        assertEquals(List.of(), items.fetchAll());
        assertEquals(Optional.empty(), items.fetchFirst());
        assertEquals(List.of(), items.elements());
    }

    @Test
    void keepsInsertionOrderAndEachObjectOnceByIdentity() {
        assertTrue(items.add(tombs));
        assertTrue(items.add(earthsea));
        assertFalse(items.add(earthsea), "adding an object that is there is a no-op");
        assertTrue(items.add(otherEarthsea), "an equal but distinct object is another element");
        assertEquals(3, items.size());
        assertEquals(List.of(tombs, earthsea, otherEarthsea), items.elements());
        assertSame(otherEarthsea, items.elements().get(2));
        assertTrue(items.contains(earthsea));
        assertFalse(items.contains(new Item("The Tombs of Atuan")), "contains is by identity");
        assertFalse(items.contains(null));
    }

    @Test
    void addsSeveralAtOnce() {
        assertTrue(items.add(earthsea, tombs, earthsea));
        assertFalse(items.add(tombs, earthsea), "links that exist are left as they are");
        assertEquals(List.of(earthsea, tombs), items.elements());
        assertEquals(2, items.count());
        assertTrue(items.exists());
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> items.add(null));
        assertThrows(NullPointerException.class, () -> items.add(earthsea, (Item) null));
        items.add(tombs);
        assertThrows(NullPointerException.class, () -> items.set(java.util.Arrays.asList(earthsea, null)));
        assertEquals(List.of(tombs), items.elements(), "a refused set changes nothing");
    }

    @Test
    void removesByIdentity() {
        items.add(earthsea, tombs);
        assertFalse(items.remove(otherEarthsea), "an equal object is not the element");
        assertFalse(items.remove(null));
        assertTrue(items.remove(earthsea));
        assertFalse(items.remove(earthsea), "removing what is not there is a no-op");
        assertEquals(List.of(tombs), items.elements());
    }

    @Test
    void theIteratorRemoves() {
        items.add(earthsea, tombs, otherEarthsea);
        Iterator<Item> iterator = items.iterator();
        assertSame(earthsea, iterator.next());
        iterator.remove();
        assertEquals(List.of(tombs, otherEarthsea), items.elements());
        items.removeIf(item -> item == otherEarthsea);
        assertEquals(List.of(tombs), items.elements());
    }

    @Test
    void clearsAndSets() {
        items.add(earthsea, tombs);
        items.set(List.of(otherEarthsea, tombs, otherEarthsea));
        assertEquals(List.of(otherEarthsea, tombs), items.elements());
        items.set(items);
        assertEquals(List.of(otherEarthsea, tombs), items.elements(), "set to itself keeps the elements");
        items.clear();
        assertTrue(items.isEmpty());
    }

    @Test
    void fetchesCopiesAndTheFirstAdded() {
        items.add(tombs, earthsea);
        List<Item> all = items.fetchAll();
        assertEquals(List.of(tombs, earthsea), all);
        all.clear();
        assertEquals(2, items.size(), "fetchAll is a copy");
        assertEquals(Optional.of(tombs), items.fetchFirst());
        assertNotSame(items.elements(), items.elements());
        assertThrows(UnsupportedOperationException.class, () -> items.elements().clear());
        items.refresh();
        assertEquals(List.of(tombs, earthsea), items.elements(), "refresh has nothing to forget");
        assertEquals("[Item[title=The Tombs of Atuan], Item[title=Earthsea]]", items.toString());
    }

    @Test
    void queriesNeedTheOwnerSaved() {
        RelationSet<Item> relation = items;
        relation.add(earthsea);
        for (Executable query : List.<Executable>of(relation::query, () -> relation.filter("title", "Earthsea"),
                () -> relation.order("-title"))) {
            WeftException refused = assertThrows(WeftException.class, query);
            assertTrue(refused.getMessage().contains("its owner has not been saved yet"), refused.getMessage());
            assertTrue(refused.getMessage().contains("save the owner first"), refused.getMessage());
        }
        assertEquals(List.of(earthsea), items.elements());
    }
}
