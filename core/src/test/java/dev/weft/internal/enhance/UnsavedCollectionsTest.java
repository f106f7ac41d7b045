package dev.weft.internal.enhance;

import dev.weft.RelationSet;
import dev.weft.internal.relation.UnsavedRelationSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the collection relations of a new object start with. */
class UnsavedCollectionsTest {

    @Test
    void eachDeclaredTypeGetsAnEmptyModifiableCollectionOfItsKind() {
        assertEquals(ArrayList.class, UnsavedCollections.create(List.class).getClass());
        assertEquals(ArrayList.class, UnsavedCollections.create(Collection.class).getClass());
        assertEquals(LinkedHashSet.class, UnsavedCollections.create(Set.class).getClass());
        assertEquals(UnsavedRelationSet.class, UnsavedCollections.create(RelationSet.class).getClass());
        for (Class<?> type : List.of(List.class, Collection.class, Set.class, RelationSet.class)) {
            assertTrue(((Collection<?>) UnsavedCollections.create(type)).isEmpty(), type.getName());
            assertNotSame(UnsavedCollections.create(type), UnsavedCollections.create(type), type.getName());
        }
    }

    @Test
    void anyOtherTypeIsRefused() {
        for (Class<?> type : new Class<?>[] {ArrayList.class, Iterable.class, Object.class, String.class}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> UnsavedCollections.create(type));
            assertTrue(refused.getMessage().contains(type.getName()), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> UnsavedCollections.create(null));
    }
}
