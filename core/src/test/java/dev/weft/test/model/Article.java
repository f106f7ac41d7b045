package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.Finder;
import dev.weft.ForeignKey;
import dev.weft.Id;
import dev.weft.Model;

/**
 * An active-record entity: extends {@link Model} and keeps a {@link Finder}. It declares no no-argument
 * constructor, so the enhancer adds one that calls {@code Model}'s protected one.
 */
@Entity
public class Article extends Model<Article> {
    public static final Finder<Article> objects = Finder.of(Article.class);

    @Id public long id;
    public String title;
    public int views;
    @ForeignKey(nullable = true, onDelete = Action.SET_NULL) public Author author;

    public Article(String title, int views) {
        this.title = title;
        this.views = views;
    }

    public Article(String title, int views, Author author) {
        this(title, views);
        this.author = author;
    }
}
