package dev.weft.internal.persist;

import com.github.benmanes.caffeine.cache.Cache;
import dev.weft.IdentityMap;
import dev.weft.internal.dialect.ConnectionSettings;
import dev.weft.internal.dialect.SqliteDialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.Metamodel;
import dev.weft.test.model.Product;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * How {@code clearCache} empties an identity map: in place while it is small, by a new map once it holds many or
 * has held many, since emptying in place walks the whole table of a map, which never shrinks.
 */
class IdentityMapClearTest {

    private final Metamodel metamodel = new Metamodel();
    private final EntityMeta meta = metamodel.register(List.of(Product.class)).get(0);
    private final Connector connector = new Connector(new SqliteDialect(), new ConnectionSettings(null, 50), sql -> { });
    private final PersistenceContext context = new PersistenceContext(metamodel, IdentityMap.WEAK, connector);
    private final List<Object> held = new ArrayList<>(); // the maps hold their objects weakly

    @AfterEach
    void close() {
        connector.close();
    }

    private void load(int rows) {
        for (long id = 1; id <= rows; id++) {
            Product product = new Product("product " + id);
            held.add(product);
            context.cache(meta, id, product);
        }
    }

    /** Product's table, with 200 rows. */
    private static void fillProductTable(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE product (id INTEGER, name TEXT, stock INTEGER, price REAL, released TEXT, "
                + "color TEXT, active INTEGER)");
        statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                + "INSERT INTO product SELECT i, 'product ' || i, i, 1.5, NULL, NULL, 1 FROM n");
    }

    /** Takes ids 2 to {@code rows} out of the map, as evictions, deletes or collected objects do. */
    private void leaveOnlyTheFirst(long rows) {
        for (long id = 2; id <= rows; id++) {
            context.uncache(meta, id);
        }
    }

    private void assertClearReplacesTheMap() {
        Cache<Object, Object> wide = context.identityMap(meta);

        context.clear();

        assertNotSame(wide, context.identityMap(meta), "emptied in place, walking the table it grew");
    }

    @Test
    void aSmallMapIsEmptiedInPlace() {
        load(3);
        Cache<Object, Object> map = context.identityMap(meta);

        context.clear();

        assertSame(map, context.identityMap(meta));
        assertNull(context.cached(meta, 1L));
    }

    @Test
    void aMapFilledOneRowAtATimeIsReplacedOnceItHoldsFew() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement()) {
            fillProductTable(statement);
            for (long id = 1; id <= 200; id++) { // as db.get(...) reads, each row with a reader of its own
                try (ResultSet rows = statement.executeQuery("SELECT * FROM product WHERE id = " + id)) {
                    rows.next();
                    held.add(context.reader(meta, null).read(rows, 1));
                }
            }
        }
        leaveOnlyTheFirst(200);

        assertClearReplacesTheMap();
    }

    @Test
    void aMapThatHeldManyAndNowHoldsFewIsReplaced() {
        load(1_000);
        leaveOnlyTheFirst(1_000);

        assertClearReplacesTheMap();
        assertNull(context.cached(meta, 1L));
    }

    @Test
    void aMapOfManyReferencesThatNowHoldsFewIsReplaced() {
        for (long id = 1; id <= 1_000; id++) {
            held.add(context.reference(meta, id));
        }
        leaveOnlyTheFirst(1_000);

        assertClearReplacesTheMap();
    }

    @Test
    void aMapARowReaderFilledWithManyIsReplacedOnceItHoldsFew() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement statement = connection.createStatement()) {
            fillProductTable(statement);
            RowReader reader = new RowReader(context, meta, null, null);
            try (ResultSet rows = statement.executeQuery("SELECT * FROM product")) {
                while (rows.next()) {
                    held.add(reader.read(rows, 1));
                }
            }
        }
        leaveOnlyTheFirst(200);

        assertClearReplacesTheMap();
        assertNull(context.cached(meta, 1L));
    }

    @Test
    void aMapMadeForManyIsReplacedEvenWhenItHoldsFew() {
        load(1_000);
        context.clear(); // replaced by a map sized for a thousand
        Cache<Object, Object> madeForMany = context.identityMap(meta);
        load(1);

        context.clear();

        Cache<Object, Object> madeForOne = context.identityMap(meta);
        assertNotSame(madeForMany, madeForOne);
        assertNull(context.cached(meta, 1L));
        load(2);
        context.clear();
        assertSame(madeForOne, context.identityMap(meta), "sized for few again, it is emptied in place");
        assertEquals(0, context.identityMap(meta).estimatedSize());
    }
}
