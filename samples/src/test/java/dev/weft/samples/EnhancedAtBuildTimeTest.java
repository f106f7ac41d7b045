package dev.weft.samples;

import dev.weft.internal.enhance.Enhanced;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weft-maven-plugin of this build enhanced the samples' entities in process-classes. */
class EnhancedAtBuildTimeTest {

    @Test
    void theEntitiesAreEnhancedForTheContractOfThisWeftCore() throws Exception {
        for (Class<?> entity : List.of(Author.class, Book.class, Category.class)) {
            assertTrue(Enhanced.class.isAssignableFrom(entity), entity + " is not enhanced");
            assertEquals(Enhanced.CONTRACT_VERSION, entity.getField(Enhanced.VERSION_FIELD).getInt(null), entity.getName());
        }
    }

}
