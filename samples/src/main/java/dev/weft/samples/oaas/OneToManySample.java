package dev.weft.samples.oaas;

import dev.weft.Database;

import java.util.List;

/**
 * OaaS proposal, example 3, "1:N Blog ↔ Post": {@link Blog#addPost} adds a post to {@code blog.posts}, which
 * writes the post's {@code blog_id} at once and sets {@code post.blog}; {@code all()} and {@code count()} are
 * {@code fetchAll()} and {@code count()}; {@code remove} unlinks a post, which stays.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.oaas.OneToManySample}
 */
public final class OneToManySample {

    /** A blog and its two posts. */
    public record Posted(Blog blog, Post hello, Post second) {
    }

    private OneToManySample() {
    }

    public static void main(String[] args) {
        try (Database db = Database.inMemory()) {
            Posted posted = post(db);
            System.out.println(posted.blog() + ": " + posted.blog().posts.count() + " posts " + titles(posted.blog()));
            unpost(posted.blog(), posted.hello());
            System.out.println("after remove: " + titles(posted.blog()) + "; " + posted.hello() + ".blog = "
                    + posted.hello().blog + "; posts kept: " + db.select(Post.class).count());
            Blog drafts = postBeforeSaving(db);
            System.out.println(drafts + " saved with " + titles(drafts));
        }
    }

    /** Creates the tables, a saved blog, and two new posts added through {@code add_post}. */
    public static Posted post(Database db) {
        db.createTables(Blog.class, Post.class);
        Blog blog = db.save(new Blog("Weft news"));
        Post hello = new Post("Hello, Weft");
        Post second = new Post("Relations are live");
        blog.addPost(hello);                  // the post is saved with blog_id set: no db.save needed
        blog.addPost(second);
        return new Posted(blog, hello, second);
    }

    /** {@code blog.posts.remove(post)}: the post stays, without a blog. */
    public static void unpost(Blog blog, Post post) {
        blog.posts.remove(post);
    }

    /** Adds a post to a blog that is not saved yet; saving the blog writes both. */
    public static Blog postBeforeSaving(Database db) {
        Blog blog = new Blog("Drafts");
        blog.addPost(new Post("Kept until the blog is saved"));
        db.save(blog);
        return blog;
    }

    /** {@code blog.posts.all()}: the titles of the blog's posts, in id order. */
    public static List<String> titles(Blog blog) {
        return blog.posts.order("id").fetchAll().stream().map(post -> post.title).toList();
    }
}
