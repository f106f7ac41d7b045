package dev.weft.internal.enhance;

import dev.weft.RelationSet;
import dev.weft.internal.relation.UnsavedRelationSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The collections that the collection relations of a new object start with. Called by enhanced code: the read
 * method of a collection relation field, on an object without an interceptor (never saved) whose field is
 * {@code null}, sets the field to {@code create(declaredType)} before returning it. What is added to it is kept
 * in memory, for the runtime to write when the owner is saved.
 */
public final class UnsavedCollections {

    private UnsavedCollections() {
    }

    /**
     * An empty, modifiable collection for a relation field declared as {@code declaredType}: an
     * {@link ArrayList} for {@code List} and {@code Collection}, a {@link LinkedHashSet} for {@code Set}, and an
     * {@link UnsavedRelationSet} for {@link RelationSet}.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static Object create(Class<?> declaredType) {
        if (declaredType == List.class || declaredType == Collection.class) {
            return new ArrayList<>();
        }
        if (declaredType == Set.class) {
            return new LinkedHashSet<>();
        }
        if (declaredType == RelationSet.class) {
            return new UnsavedRelationSet<>();
        }
        throw new IllegalArgumentException("no unsaved collection for a relation declared as "
                + (declaredType == null ? "null" : declaredType.getName())
                + ": only List, Set, Collection and RelationSet relations have one");
    }
}
