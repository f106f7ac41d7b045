package dev.weft.samples.oaas;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToMany;
import dev.weft.RelationSet;

/**
 * The proposal's {@code Blog} service: {@code posts: oaas.OneToMany[Post](backref="blog")}. In Weft the
 * one-to-many is the inverse of the foreign key {@link Post#blog}, named by {@code mappedBy}; no column.
 */
@Entity
public class Blog {
    @Id public long id;
    public String name;

    /**
     * The proposal's {@code RelationSet[Post]}: {@code add}, {@code remove}, {@code all()} (here {@code fetchAll()}),
     * {@code count()}.
     */
    @OneToMany(mappedBy = "blog")
    public RelationSet<Post> posts;

    /** For loading rows. */
    public Blog() {
    }

    public Blog(String name) {
        this.name = name;
    }

    /** The proposal's {@code add_post} method: {@code await self.posts.add(p)}. */
    public void addPost(Post p) {
        posts.add(p);
    }

    @Override
    public String toString() {
        return name;
    }
}
