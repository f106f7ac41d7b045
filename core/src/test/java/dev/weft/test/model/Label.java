package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.Objects;

/** Table {@code label}: an entity with its own toString, equals and hashCode over its fields. */
@Entity
public class Label {
    @Id public long id;
    public String text;
    public int uses;

    public Label() {
    }

    public Label(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return "Label#" + id + "(" + text + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Label label && Objects.equals(text, label.text);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(text);
    }
}
