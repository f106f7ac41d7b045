package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** One-to-many with {@link Post} through a nullable key, ordered by title; the list has an initialiser. */
@Entity
public class Blog {
    @Id public long id;
    public String name;
    @OneToMany(mappedBy = "blog", orderBy = "title")
    public List<Post> posts = new ArrayList<>();

    public Blog() {
    }

    public Blog(String name) {
        this.name = name;
    }

    public List<Post> getPosts() {
        return posts;
    }
}
