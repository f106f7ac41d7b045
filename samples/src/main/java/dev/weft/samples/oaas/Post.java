package dev.weft.samples.oaas;

import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/**
 * The proposal's {@code Post} service: {@code title: str = ""}; its blog is "set by Blog.posts". Column
 * {@code blog_id}, nullable (the proposal's default), so a post removed from its blog is kept.
 */
@Entity
public class Post {
    @Id public long id;
    public String title = "";

    @ForeignKey(nullable = true)
    public Blog blog;

    /** For loading rows. */
    public Post() {
    }

    public Post(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
