package dev.weft.internal.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.Query;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.types.ColumnType;
import dev.weft.internal.persist.Deleter;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.PersistenceContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What queries of one database share: the connection, the objects, and the delete logic. */
public final class QueryEngine {

    private static final int MAX_TEMPLATES = 1_000;

    final Connector connector;
    final PersistenceContext context;
    final Deleter deleter;
    final ErrorTranslator errors;

    private final PointSelect pointSelect;
    private volatile RelationLoader relations;

    public QueryEngine(Connector connector, PersistenceContext context, Deleter deleter, ErrorTranslator errors,
                       PointSelect pointSelect) {
        this.connector = connector;
        this.pointSelect = pointSelect;
        this.context = context;
        this.deleter = deleter;
        this.errors = errors;
    }

    /** Gives the engine what loads relations for {@code prefetchRelated}; the relation runtime is made after it. */
    public void connect(RelationLoader relations) {
        this.relations = relations;
    }

    RelationLoader relations() {
        return relations;
    }

    private final Map<EntityMeta, QuerySql> sql = new ConcurrentHashMap<>();
    private final Map<EntityMeta, String> columnLists = new ConcurrentHashMap<>();
    /**
     * SELECTs by the shape of their query ({@link SelectQuery}). Bounded, least used dropped first: an application
     * may make new shapes without end, filters built from input. Upkeep runs on the calling thread: it is short,
     * and handing it to another thread would cost a wake-up.
     */
    private final Cache<SelectQuery.Shape, StatementTemplate> templates = Caffeine.newBuilder()
            .maximumSize(MAX_TEMPLATES).executor(Runnable::run).build();

    QuerySql sql(EntityMeta meta) {
        return sql.computeIfAbsent(meta, m -> new QuerySql(connector.dialect(), m));
    }

    /** The statement kept for queries of this shape, or {@code null} if there is none yet. */
    StatementTemplate template(SelectQuery.Shape shape) {
        return templates.getIfPresent(shape);
    }

    void keep(SelectQuery.Shape shape, StatementTemplate template) {
        templates.put(shape, template);
    }

    /** The select list of an entity, written once. */
    String columnList(EntityMeta meta) {
        return columnLists.computeIfAbsent(meta, m -> sql(m).columns());
    }

    /** The object of the row with this id, read with one prepared point select; {@code null} if there is none. */
    public <T> T find(Class<T> type, EntityMeta meta, Object id) {
        return pointSelect.find(context, type, meta, id);
    }

    /** A query over every row of the entity. */
    public <T> Query<T> select(Class<T> type, EntityMeta meta) {
        return SelectQuery.of(this, type, meta);
    }

    /** A query over the rows whose foreign key {@code fk} holds {@code ownerId}: one owner's one-to-many relation. */
    public <T> Query<T> referencing(Class<T> type, ForeignKeyProperty fk, Object ownerId) {
        return SelectQuery.scoped(this, type, fk.owner(), new Condition.Comparison(fk, Lookup.EQ, ownerId));
    }

    /**
     * A query over the rows of {@code element} that {@code junction} links to {@code ownerId}, read from
     * {@code ownerColumn} to {@code elementColumn}: one owner's many-to-many relation.
     */
    public <T> Query<T> linked(Class<T> type, EntityMeta element, JunctionTable junction, String ownerColumn,
                               String elementColumn, ColumnType ownerIdType, Object ownerId) {
        return SelectQuery.scoped(this, type, element, new Condition.Linked(element.id(), junction.table(), ownerColumn,
                elementColumn, ownerIdType, ownerId));
    }
}
