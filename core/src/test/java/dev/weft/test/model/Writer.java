package dev.weft.test.model;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.util.List;

/**
 * An author for the relation-query tests: a nullable SET_NULL key to a {@link Press}, the inverse side of the
 * one-to-one {@link WriterProfile#writer} (so {@code novel.writer.profile} is an inverse one-to-one reached through
 * a foreign key), and the inverse of {@link Novel#writer}.
 */
@Entity
public class Writer {
    @Id public long id;
    public String name;
    @ForeignKey(nullable = true, onDelete = Action.SET_NULL) public Press press;
    public WriterProfile profile;
    public List<Novel> novels;

    public Writer() {
    }

    public Writer(String name, Press press) {
        this.name = name;
        this.press = press;
    }
}
