package example.unsaved;

import dev.weft.Entity;
import dev.weft.RelationSet;

import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * An entity with a collection relation of each declared type and no initialiser, one with an initialiser, and
 * fields that are not collection relations. Only enhanced, never registered: {@code tags} (a collection of a
 * non-entity) would be a mapping error.
 */
@Entity
public class Shelf extends Shelved {
    public String label;
    public Volume favourite;
    public List<Volume> list;
    public Set<Volume> set;
    public Collection<Volume> collection;
    public RelationSet<Volume> volumes;
    public List<Volume> initialised = new LinkedList<>();
    public List<String> tags;
    public transient List<Volume> cache;

    public Shelf(String label) {
        this.label = label;
    }

    /** Reads the relation from the entity's own code. */
    public int volumeCount() {
        return volumes.size();
    }
}
