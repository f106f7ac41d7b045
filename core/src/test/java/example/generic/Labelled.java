package example.generic;

import dev.weft.MappedSuperclass;

/** A generic mapped superclass: its field's erasure (Object) is what the accessors take and return. */
@MappedSuperclass
public abstract class Labelled<T> {
    public T label;

    protected Labelled(T label) {
        this.label = label;
    }
}
