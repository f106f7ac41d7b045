package dev.weft.internal.meta;

import dev.weft.RelationSet;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The declared type of a collection relation field, which decides what the live collection implements. */
public enum CollectionKind {
    LIST(List.class), SET(Set.class), COLLECTION(Collection.class), RELATION_SET(RelationSet.class);

    private final Class<?> declaredType;

    CollectionKind(Class<?> declaredType) {
        this.declaredType = declaredType;
    }

    static CollectionKind of(Class<?> fieldType) {
        for (CollectionKind kind : values()) {
            if (kind.declaredType == fieldType) {
                return kind;
            }
        }
        return null;
    }
}
