package dev.weft.internal.runtime;

import dev.weft.NotFoundException;
import dev.weft.Query;
import dev.weft.RelationSet;
import dev.weft.WeftException;
import dev.weft.internal.dialect.ConnectionSettings;
import dev.weft.internal.dialect.SqliteDialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.jdbc.SqlFailure;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.Metamodel;
import dev.weft.internal.persist.Deleter;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.PersistenceContext;
import dev.weft.internal.persist.Persister;
import dev.weft.internal.query.BatchLoader;
import dev.weft.internal.query.PointSelect;
import dev.weft.internal.query.QueryEngine;
import dev.weft.internal.relation.Relations;
import dev.weft.internal.schema.SchemaManager;

import java.util.List;
import java.util.function.Supplier;

/** Everything behind one {@code Database}: its connection, metadata, objects, and the operations on them. */
public final class Runtime {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Connector connector;
    private final Metamodel metamodel = new Metamodel();
    private final PersistenceContext context;
    private final SchemaManager schema;
    private final Persister persister;
    private final Deleter deleter;
    private final QueryEngine queries;
    private final Relations relations;

    public Runtime(DatabaseConfig config) {
        this.connector = new Connector(new SqliteDialect(), new ConnectionSettings(config.path(), BUSY_TIMEOUT_MILLIS),
                config.statementListener());
        PointSelect pointSelect = new PointSelect(connector);
        this.context = new PersistenceContext(metamodel, config.identityMap(), connector);
        this.schema = new SchemaManager(connector);
        ErrorTranslator errors = new ErrorTranslator(connector, context);
        this.persister = new Persister(connector, context, errors);
        this.deleter = new Deleter(connector, context, metamodel, schema);
        this.queries = new QueryEngine(connector, context, deleter, errors, pointSelect);
        BatchLoader loader = new BatchLoader(queries, pointSelect);
        this.relations = new Relations(connector, context, metamodel, queries, loader, persister, errors);
        context.connect(loader, relations);
        queries.connect(relations);
    }

    public void register(List<Class<?>> types) {
        translate("register " + types, () -> metamodel.register(types, schema::check));
    }

    public void createTables(List<Class<?>> types) {
        translate("create the tables of " + types, () -> metamodel.register(types, schema::create));
    }

    public void save(List<?> entities) {
        translate("save", () -> {
            persister.save(entities);
            return null;
        });
    }

    /** The object of the row with this id, or {@code null} if there is no such row. */
    public <T> T find(Class<T> type, Object id) {
        EntityMeta meta = context.metaOf(type);
        if (id == null) {
            throw new NotFoundException(meta.name() + " has no row with a null id.");
        }
        id = meta.normalizeId(id);
        Object cached = context.cached(meta, id);
        if (cached != null && !context.isHollow(cached)) {
            return type.cast(cached);
        }
        boolean valid = meta.generatedId() ? id instanceof Number : meta.id().type().javaType().isInstance(id);
        if (!valid) {
            throw new dev.weft.QueryException(meta.name() + " ids are " + meta.id().field().getType().getSimpleName()
                    + ", not " + id.getClass().getSimpleName() + " " + id + ".");
        }
        return queries.find(type, meta, id);
    }

    public <T> T reference(Class<T> type, Object id) {
        EntityMeta meta = context.metaOf(type);
        if (id == null || meta.isUnsetId(id)) {
            throw new WeftException("reference(" + meta.name() + ", " + id + "): a reference needs the id of a saved row.");
        }
        return type.cast(context.reference(meta, meta.normalizeId(id)));
    }

    public void delete(Object entity) {
        translate("delete", () -> {
            deleter.delete(entity);
            return null;
        });
    }

    public <E> RelationSet<E> related(Object owner, String field) {
        return relations.related(owner, field);
    }

    public <E> RelationSet<E> related(Object owner, Class<E> elementType, String field) {
        return relations.related(owner, elementType, field);
    }

    public <T> Query<T> select(Class<T> type) {
        return queries.select(type, context.metaOf(type));
    }

    public <R> R transaction(Supplier<R> work) {
        return translate("run the transaction", () -> connector.transaction(work::get));
    }

    public void evict(Object entity) {
        context.evict(entity);
    }

    public void clearCache() {
        context.clear();
    }

    public void close() {
        context.close();
        connector.close();
    }

    /** Any SQL failure that no step explained gets the database's own words and what was being done. */
    private static <R> R translate(String action, Supplier<R> work) {
        try {
            return work.get();
        } catch (SqlFailure failure) {
            throw ErrorTranslator.unexplained("cannot " + action, failure.sqlException());
        }
    }
}
