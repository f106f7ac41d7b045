package dev.weft.internal.query;

import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.jdbc.SqlFailure;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.PersistenceContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One row by id, with one prepared point select written once per entity: {@code Database.find}, and the load of
 * a hollow reference when the application first reads one of its fields.
 */
public final class PointSelect implements PersistenceContext.RowLoader {

    private final Connector connector;
    private final Map<EntityMeta, String> sql = new ConcurrentHashMap<>();

    public PointSelect(Connector connector) {
        this.connector = connector;
    }

    /** The object of the row with this id: the identity map's instance if it holds the row; {@code null} if none. */
    public <T> T find(PersistenceContext context, Class<T> type, EntityMeta meta, Object id) {
        return select(meta, id, rows -> rows.next() ? type.cast(context.hydrate(meta, rows, 1)) : null);
    }

    @Override
    public boolean load(PersistenceContext context, EntityMeta meta, Object entity, Object id) {
        return select(meta, id, rows -> {
            if (!rows.next()) {
                return false;
            }
            context.fill(meta, entity, id, rows, 1);
            return true;
        });
    }

    private interface RowReader<R> {
        R read(ResultSet rows) throws SQLException;
    }

    private <R> R select(EntityMeta meta, Object id, RowReader<R> reader) {
        String statementSql = sql.computeIfAbsent(meta, m -> {
            QuerySql query = new QuerySql(connector.dialect(), m);
            return "SELECT " + query.columns() + " FROM " + query.from() + " WHERE " + query.id() + " = ?";
        });
        try {
            return connector.withConnection(() -> {
                PreparedStatement statement = connector.prepare(statementSql);
                meta.id().type().bind(statement, 1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            });
        } catch (SqlFailure failure) {
            throw ErrorTranslator.unexplained("cannot load " + meta.name() + "#" + id, failure.sqlException());
        }
    }
}
