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
        for (Class<?> entity : List.of(Author.class, Book.class, Category.class,
                dev.weft.samples.sqliter.Author.class, dev.weft.samples.sqliter.Book.class,
                dev.weft.samples.sqliter.User.class, dev.weft.samples.sqliter.Profile.class,
                dev.weft.samples.sqliter.Category.class, dev.weft.samples.sqliter.Tag.class,
                dev.weft.samples.sqliter.definitions.Author.class, dev.weft.samples.sqliter.definitions.Book.class,
                dev.weft.samples.sqliter.definitions.Profile.class, dev.weft.samples.sqliter.definitions.Tag.class,
                dev.weft.samples.oaas.User.class, dev.weft.samples.oaas.Profile.class,
                dev.weft.samples.oaas.Org.class, dev.weft.samples.oaas.Logo.class,
                dev.weft.samples.oaas.Blog.class, dev.weft.samples.oaas.Post.class,
                dev.weft.samples.oaas.Student.class, dev.weft.samples.oaas.Course.class)) {
            assertTrue(Enhanced.class.isAssignableFrom(entity), entity + " is not enhanced");
            assertEquals(Enhanced.CONTRACT_VERSION, entity.getField(Enhanced.VERSION_FIELD).getInt(null), entity.getName());
        }
    }

}
