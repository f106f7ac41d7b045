package dev.weft.internal.meta;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamingTest {

    /** Not the entity: a class of the same simple name, as a DTO might be. */
    private static final class Book {
    }

    @Test
    void entityNamesTakeTheArticleTheirFirstLetterCallsFor() {
        assertEquals("an Author", Naming.withArticle("Author"));
        assertEquals("an item", Naming.withArticle("item"));
        assertEquals("a Book", Naming.withArticle("Book"));
        assertEquals("a User", Naming.withArticle("User"));
    }

    @Test
    void aClassNameIsFullWhereItsSimpleNameWouldBeEmptyOrTheExpectedTypes() {
        Object anonymous = new Object() {
        };

        assertEquals("String", Naming.className("text", Integer.class));
        assertEquals("String", Naming.className("text", String.class));
        assertEquals(anonymous.getClass().getName(), Naming.className(anonymous, Integer.class));
        assertEquals(Book.class.getName(), Naming.className(new Book(), dev.weft.test.model.Book.class));
    }
}
