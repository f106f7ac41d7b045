package dev.weft;

import dev.weft.internal.runtime.DatabaseConfig;
import dev.weft.internal.runtime.Runtime;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One SQLite database and the objects loaded from it.
 *
 * <p>A {@code Database} is thread-safe and meant to live as long as the application: open it once,
 * register or create the entity tables, and share it. Within one {@code Database}, one row is one
 * Java instance while the application holds it ({@code db.get(Author.class, 1L) == book.author}).
 * Every connection runs with {@code PRAGMA foreign_keys=ON}; a file database also runs in WAL mode
 * with a busy timeout.
 *
 * <pre>{@code
 * try (Database db = Database.open(Path.of("library.db"))) {
 *     db.createTables(Author.class, Book.class);
 *     Author author = db.save(new Author("Ursula K. Le Guin"));
 *     List<Book> books = db.select(Book.class).filter("author", author).order("-publishedDate").fetchAll();
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    private static volatile Database defaultDatabase;

    private final Runtime runtime;

    private Database(DatabaseConfig config) {
        this.runtime = new Runtime(config);
    }

    /** Opens (creating if needed) the SQLite file at {@code path}. */
    public static Database open(Path path) {
        return builder().path(path).build();
    }

    /** Opens a new, private in-memory database; it is gone when closed. */
    public static Database inMemory() {
        return builder().inMemory().build();
    }

    /** Starts the configuration of a database. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes {@code db} the database used by the active-record style ({@code Model}, {@code Finder});
     * {@code null} clears it. This is the only global state Weft keeps, and it is optional.
     */
    public static void setDefault(Database db) {
        defaultDatabase = db;
    }

    /**
     * The database given to {@link #setDefault}.
     *
     * @throws WeftException if none was given
     */
    public static Database getDefault() {
        Database db = defaultDatabase;
        if (db == null) {
            throw new WeftException("No default database: call Database.setDefault(db) before using the active-record style.");
        }
        return db;
    }

    /**
     * Maps entity classes onto tables that already exist, whatever their names, and checks that every
     * mapped table and column is there. Creates nothing.
     *
     * @throws MappingException if a class is mapped wrongly, or the database lacks a mapped table or column
     */
    public void register(Class<?>... entityClasses) {
        runtime.register(List.of(entityClasses));
    }

    /**
     * Registers the entity classes (and the entities their relations reach) and creates their tables,
     * foreign keys, indexes and junction tables, in the order their dependencies need. Tables that exist
     * are left as they are, so this is safe to call on every start.
     *
     * @throws MappingException if a class is mapped wrongly
     */
    public void createTables(Class<?>... entityClasses) {
        runtime.createTables(List.of(entityClasses));
    }

    /**
     * Inserts {@code entity} if it is new, or writes the fields changed since it was loaded, together with
     * the new and changed objects its relation fields reach; all in one transaction. On failure nothing is
     * written and every object keeps its id and changes, so the save can be retried.
     *
     * @return {@code entity}
     * @throws IntegrityException if the database refuses the change; its message names entity, field and value
     */
    public <T> T save(T entity) {
        runtime.save(List.of(Objects.requireNonNull(entity, "entity")));
        return entity;
    }

    /**
     * Saves every entity as {@link #save} does, in one transaction, inserting rows of the same table in
     * batches.
     */
    public <T> void saveAll(Collection<? extends T> entities) {
        runtime.save(List.copyOf(entities));
    }

    /**
     * The object of the given class with the given id.
     *
     * @throws NotFoundException if there is no such row
     */
    public <T> T get(Class<T> type, Object id) {
        T found = runtime.find(type, id);
        if (found == null) {
            throw new NotFoundException(type.getSimpleName() + "#" + id + " does not exist; use find(...) where "
                    + "absence is expected.");
        }
        return found;
    }

    /** The object of the given class with the given id, if there is such a row. */
    public <T> Optional<T> find(Class<T> type, Object id) {
        return Optional.ofNullable(runtime.find(type, id));
    }

    /**
     * A reference to the row with the given id, without a query: the identity map's object if it holds
     * one, else a hollow object whose fields load on first read. Use it to assign relations by id.
     */
    public <T> T reference(Class<T> type, Object id) {
        return runtime.reference(type, id);
    }

    /**
     * Deletes the object's row, and what its foreign keys' {@code onDelete} actions delete with it.
     *
     * @throws RestrictViolationException if rows reference it through a RESTRICT key; nothing is deleted
     */
    public void delete(Object entity) {
        runtime.delete(Objects.requireNonNull(entity, "entity"));
    }

    /**
     * The live relation of a saved object's collection field ({@code "books"} for {@code author.books}): the same
     * collection the field holds.
     *
     * @throws QueryException if the object's class has no such collection field
     * @throws WeftException if the object is not saved in this database
     */
    public <E> RelationSet<E> related(Object owner, String field) {
        return runtime.related(Objects.requireNonNull(owner, "owner"), field);
    }

    /**
     * The objects of {@code elementType} whose foreign key {@code field} points at {@code owner} (or whose
     * many-to-many field {@code field} links to it), as a live relation, whether or not the owner's class declares
     * a field for that side: {@code db.related(author, Book.class, "author")}.
     *
     * @throws QueryException if {@code field} is not a relation of {@code elementType} to the owner's class
     * @throws WeftException if the object is not saved in this database
     */
    public <E> RelationSet<E> related(Object owner, Class<E> elementType, String field) {
        return runtime.related(Objects.requireNonNull(owner, "owner"), elementType, field);
    }

    /** A query over the rows of an entity. */
    public <T> Query<T> select(Class<T> type) {
        return runtime.select(type);
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. A call
     * inside another transaction joins it; if the inner call throws, what it wrote is rolled back even
     * when the outer work catches the exception and goes on. Objects saved, changed or deleted in a
     * transaction that rolls back are put back as they were.
     */
    public void transaction(Runnable work) {
        runtime.transaction(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in a transaction, as {@link #transaction(Runnable)} does, and returns its value. */
    public <R> R transaction(Supplier<R> work) {
        return runtime.transaction(work);
    }

    /** Forgets the given objects: the next load of their rows makes new instances. */
    public void evict(Object... entities) {
        for (Object entity : entities) {
            runtime.evict(entity);
        }
    }

    /** Forgets every loaded object. */
    public void clearCache() {
        runtime.clearCache();
    }

    /** Closes the database. Loaded fields stay readable; anything that needs the database then fails. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Configuration of a {@link Database}; see {@link Database#builder()}. */
    public static final class Builder {
        private Path path;
        private boolean inMemory;
        private Consumer<String> statementListener = sql -> { };
        private IdentityMap identityMap = IdentityMap.WEAK;

        private Builder() {
        }

        /** A database in the SQLite file at {@code path}, created if missing. */
        public Builder path(Path path) {
            this.path = Objects.requireNonNull(path, "path");
            this.inMemory = false;
            return this;
        }

        /** A private in-memory database. */
        public Builder inMemory() {
            this.inMemory = true;
            this.path = null;
            return this;
        }

        /**
         * Calls {@code listener} with the SQL text of every statement Weft sends to SQLite, in order, from
         * the thread that sends it: queries, DML, DDL, PRAGMA and transaction control.
         */
        public Builder onStatement(Consumer<String> listener) {
            this.statementListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How long loaded objects are kept for the identity map; {@link IdentityMap#WEAK} by default. */
        public Builder identityMap(IdentityMap identityMap) {
            this.identityMap = Objects.requireNonNull(identityMap, "identityMap");
            return this;
        }

        /**
         * Opens the database.
         *
         * @throws WeftException if neither a path nor in-memory was chosen, or the file cannot be opened
         */
        public Database build() {
            if (path == null && !inMemory) {
                throw new WeftException("Database.builder() needs .path(Path) or .inMemory() before build().");
            }
            return new Database(new DatabaseConfig(path, statementListener, identityMap));
        }
    }
}
