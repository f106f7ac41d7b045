package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

/** A post may live without a blog: its key is nullable, and SET_NULL when the blog goes. */
@Entity
public class Post {
    @Id public long id;
    public String title;
    @ForeignKey(nullable = true, onDelete = Action.SET_NULL) public Blog blog;

    public Post() {
    }

    public Post(String title) {
        this.title = title;
    }

    public Post(String title, Blog blog) {
        this.title = title;
        this.blog = blog;
    }
}
