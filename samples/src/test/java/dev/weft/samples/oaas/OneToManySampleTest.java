package dev.weft.samples.oaas;

import dev.weft.samples.SampleDb;
import dev.weft.samples.oaas.OneToManySample.Posted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** OaaS example 3: {@code posts: OneToMany[Post](backref="blog")}, {@code @OneToMany(mappedBy = "blog")} in Weft. */
@ExtendWith(SampleDb.Extension.class)
class OneToManySampleTest {

    @Test
    void addPostSavesThePostWithItsBlog(SampleDb s) {
        Posted posted = OneToManySample.post(s.db());

        assertNotEquals(0, posted.hello().id, "added to a saved blog, the post is saved");
        assertNotEquals(0, posted.second().id);
        assertEquals(List.of(List.of("Hello, Weft", posted.blog().id), List.of("Relations are live", posted.blog().id)),
                s.rows("SELECT title, blog_id FROM post ORDER BY id"));
        assertSame(posted.blog(), posted.hello().blog, "post.blog is set by blog.posts.add");
    }

    @Test
    void allAndCountSeeTheBlogsPosts(SampleDb s) {
        Posted posted = OneToManySample.post(s.db());

        assertEquals(2, posted.blog().posts.count());
        assertEquals(List.of("Hello, Weft", "Relations are live"), OneToManySample.titles(posted.blog()));
        assertEquals(Set.of(posted.hello(), posted.second()), Set.copyOf(posted.blog().posts.fetchAll()));
    }

    @Test
    void aRemovedPostStaysWithoutABlog(SampleDb s) {
        Posted posted = OneToManySample.post(s.db());

        OneToManySample.unpost(posted.blog(), posted.hello());

        assertEquals(Arrays.asList(Arrays.asList("Hello, Weft", null), Arrays.asList("Relations are live", posted.blog().id)),
                s.rows("SELECT title, blog_id FROM post ORDER BY id"));
        assertNull(posted.hello().blog);
        assertEquals(1, posted.blog().posts.count());
        assertEquals(List.of("Relations are live"), OneToManySample.titles(posted.blog()));
    }

    @Test
    void aPostAddedToANewBlogIsWrittenWhenTheBlogIsSaved(SampleDb s) {
        OneToManySample.post(s.db());

        Blog drafts = OneToManySample.postBeforeSaving(s.db());

        assertNotEquals(0, drafts.id);
        assertEquals(List.of("Kept until the blog is saved"), s.column("SELECT title FROM post WHERE blog_id = ?", drafts.id));
        assertEquals(List.of("Kept until the blog is saved"), OneToManySample.titles(drafts));
    }
}
