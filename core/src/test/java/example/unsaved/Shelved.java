package example.unsaved;

import dev.weft.Id;
import dev.weft.MappedSuperclass;

import java.util.List;

/** A mapped superclass with a private collection relation: its accessor is the superclass's own. */
@MappedSuperclass
public abstract class Shelved {
    @Id public long id;
    private List<Volume> history;

    public List<Volume> history() {
        return history;
    }
}
