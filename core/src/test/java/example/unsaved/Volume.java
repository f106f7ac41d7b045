package example.unsaved;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.Objects;

/** A relation's element whose {@code equals} says two volumes of the same title are equal. */
@Entity
public class Volume {
    @Id public long id;
    public String title;
    public Shelf shelf;

    public Volume(String title) {
        this.title = title;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Volume volume && Objects.equals(title, volume.title);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(title);
    }

    @Override
    public String toString() {
        return title;
    }
}
