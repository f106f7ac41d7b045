package dev.weft.internal.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A path's names are what {@code split("__", -1)} gives, empty names and runs of underscores included. */
class RelationPathNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "title", "author__name", "author__name__startswith", "a___b", "a____b", "__a", "a__",
            "____", "_", "snake_case__other_name"})
    void namesAreThoseOfSplittingAtEachDoubleUnderscore(String path) {
        assertArrayEquals(path.split("__", -1), RelationPath.names(path), path);
    }
}
