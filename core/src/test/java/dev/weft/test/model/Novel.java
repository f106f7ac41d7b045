package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;
import dev.weft.ManyToMany;
import dev.weft.RelationSet;

import java.time.LocalDate;

/**
 * A book for the relation-query tests: a CASCADE key to its {@link Writer}, and the owning side of a many-to-many
 * with {@link Theme} through {@code novel_themes} (the owner here is the "book" side, unlike {@link Category}).
 */
@Entity
public class Novel {
    @Id public long id;
    public String title;
    public int pages;
    public LocalDate published;
    @ForeignKey(onDelete = Action.CASCADE) public Writer writer;
    @ManyToMany(through = "novel_themes", backref = "novels") public RelationSet<Theme> themes;

    public Novel() {
    }

    public Novel(String title, int pages, LocalDate published, Writer writer) {
        this.title = title;
        this.pages = pages;
        this.published = published;
        this.writer = writer;
    }
}
