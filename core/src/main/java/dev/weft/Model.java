package dev.weft;

/**
 * An optional base class for entities that save and delete themselves through the default database
 * ({@link Database#setDefault}): the active-record style.
 *
 * <pre>{@code
 * @Entity
 * public class Book extends Model<Book> {
 *     @Id public long id;
 *     public String title;
 *     public static final Finder<Book> objects = Finder.of(Book.class);
 * }
 *
 * Database.setDefault(db);
 * Book book = new Book();
 * book.title = "The Dispossessed";
 * book.save();
 * Book.objects.filter("title__startswith", "The").fetchAll();
 * book.delete();
 * }</pre>
 *
 * <p>{@code Model} declares no fields, so it adds no column and needs neither {@link Entity} nor
 * {@link MappedSuperclass}; an entity that extends it is mapped exactly as one that does not. A
 * {@link MappedSuperclass} may extend {@code Model} too. The default database is looked up on every call,
 * so objects may be created before it is set.
 *
 * @param <T> the entity class itself ({@code class Book extends Model<Book>})
 */
public abstract class Model<T extends Model<T>> {

    /** For subclasses. */
    protected Model() {
    }

    /**
     * Saves this object in the default database; {@code Database.getDefault().save(this)}, see
     * {@link Database#save}.
     *
     * @return this object
     * @throws WeftException if no default database is set
     * @throws IntegrityException if the database refuses the change
     */
    @SuppressWarnings("unchecked")
    public T save() {
        return Database.getDefault().save((T) this);
    }

    /**
     * Deletes this object's row from the default database; {@code Database.getDefault().delete(this)}, see
     * {@link Database#delete}.
     *
     * @throws WeftException if no default database is set
     * @throws RestrictViolationException if rows reference it through a RESTRICT key; nothing is deleted
     */
    public void delete() {
        Database.getDefault().delete(this);
    }
}
