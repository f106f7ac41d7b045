package dev.weft.usage;

import dev.weft.Database;
import dev.weft.MultipleResultsException;
import dev.weft.NotFoundException;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.test.StatementLog;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.Color;
import dev.weft.test.model.Product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordering, paging and the terminal operations of {@code Query}. */
@ExtendWith(WeftDatabaseExtension.class)
class QueryTest {

    /** Saved in this order, so ids ascend Apple, apricot, Banana, ÄBC Bakery, Cherry. */
    private static List<Product> fill(Database db) {
        QueryLookupTest.fill(db);
        return db.select(Product.class).order("id").fetchAll();
    }

    private static List<String> names(List<Product> products) {
        List<String> names = new ArrayList<>();
        products.forEach(p -> names.add(p.name));
        return names;
    }

    // ---- order -------------------------------------------------------------------------------

    @Test
    void orderSortsAscending(Database db) {
        fill(db);

        assertEquals(List.of("Banana", "Apple", "apricot", "ÄBC Bakery", "Cherry"),
                names(db.select(Product.class).order("price").fetchAll()));
    }

    @Test
    void orderWithMinusSortsDescending(Database db) {
        fill(db);

        assertEquals(List.of("Cherry", "ÄBC Bakery", "apricot", "Apple", "Banana"),
                names(db.select(Product.class).order("-price").fetchAll()));
    }

    @Test
    void orderBySeveralFieldsBreaksTiesWithTheNext(Database db) {
        fill(db);

        assertEquals(List.of("Cherry", "Banana", "ÄBC Bakery", "apricot", "Apple"),
                names(db.select(Product.class).order("active", "-price").fetchAll()));
    }

    @Test
    void orderByDatesSortsChronologically(Database db) {
        fill(db);

        assertEquals(List.of("Cherry", "Apple", "apricot", "ÄBC Bakery"),
                names(db.select(Product.class).filter("released__notnull", true).order("released").fetchAll()));
    }

    @Test
    void orderReplacesAnEarlierOrder(Database db) {
        fill(db);

        assertEquals(List.of("Banana", "Apple", "apricot", "ÄBC Bakery", "Cherry"),
                names(db.select(Product.class).order("-price").order("price").fetchAll()));
    }

    @Test
    void orderByIdDescending(Database db) {
        fill(db);

        assertEquals(List.of("Cherry", "ÄBC Bakery", "Banana", "apricot", "Apple"),
                names(db.select(Product.class).order("-id").fetchAll()));
    }

    // ---- limit and offset --------------------------------------------------------------------

    @Test
    void limitReturnsAtMostThatManyRows(Database db) {
        fill(db);

        assertEquals(List.of("Banana", "Apple"), names(db.select(Product.class).order("price").limit(2).fetchAll()));
    }

    @Test
    void offsetSkipsRows(Database db) {
        fill(db);

        assertEquals(List.of("apricot", "ÄBC Bakery"),
                names(db.select(Product.class).order("price").limit(2).offset(2).fetchAll()));
    }

    @Test
    void offsetWithoutLimitSkipsRows(Database db) {
        fill(db);

        assertEquals(List.of("ÄBC Bakery", "Cherry"), names(db.select(Product.class).order("price").offset(3).fetchAll()));
    }

    @Test
    void offsetPastTheEndIsEmpty(Database db) {
        fill(db);

        assertTrue(db.select(Product.class).order("price").offset(10).fetchAll().isEmpty());
    }

    @Test
    void limitZeroIsEmpty(Database db) {
        fill(db);

        assertTrue(db.select(Product.class).limit(0).fetchAll().isEmpty());
    }

    @Test
    void countHonoursLimitAndOffset(Database db) {
        fill(db);

        assertEquals(2, db.select(Product.class).limit(2).count());
        assertEquals(1, db.select(Product.class).offset(4).count());
        assertEquals(2, db.select(Product.class).order("price").limit(3).offset(3).count());
    }

    // ---- fetchFirst, fetchLast, fetchOne, get -------------------------------------------------

    @Test
    void fetchFirstWithoutOrderIsTheLowestId(Database db) {
        List<Product> products = fill(db);

        assertSame(products.get(0), db.select(Product.class).fetchFirst().orElseThrow());
    }

    @Test
    void fetchLastWithoutOrderIsTheHighestId(Database db) {
        List<Product> products = fill(db);

        assertSame(products.get(4), db.select(Product.class).fetchLast().orElseThrow());
    }

    @Test
    void fetchFirstFollowsTheOrder(Database db) {
        fill(db);

        assertEquals("Cherry", db.select(Product.class).order("-price").fetchFirst().orElseThrow().name);
    }

    @Test
    void fetchLastFollowsTheOrder(Database db) {
        fill(db);

        assertEquals("Banana", db.select(Product.class).order("-price").fetchLast().orElseThrow().name);
    }

    @Test
    void fetchLastReversesEveryOrderField(Database db) {
        fill(db);

        assertEquals("Apple", db.select(Product.class).order("active", "-price").fetchLast().orElseThrow().name);
    }

    @Test
    void fetchFirstOfNothingIsEmpty(Database db) {
        fill(db);

        assertEquals(Optional.empty(), db.select(Product.class).filter("name", "Durian").fetchFirst());
        assertEquals(Optional.empty(), db.select(Product.class).filter("name", "Durian").fetchLast());
    }

    @Test
    void fetchFirstReadsOneRow(Database db, StatementLog log) {
        fill(db);
        log.clear();

        db.select(Product.class).order("price").fetchFirst();

        assertEquals(1, log.matching("SELECT").size(), log::toString);
        assertTrue(log.matching("SELECT").get(0).toUpperCase(java.util.Locale.ROOT).contains("LIMIT"),
                log::toString);
    }

    @Test
    void fetchOneOfOneRowIsThatRow(Database db) {
        fill(db);

        assertEquals("Banana", db.select(Product.class).filter("stock", 0).fetchOne().orElseThrow().name);
    }

    @Test
    void fetchOneOfNothingIsEmpty(Database db) {
        fill(db);

        assertTrue(db.select(Product.class).filter("stock", 99).fetchOne().isEmpty());
    }

    @Test
    void fetchOneOfSeveralRowsThrows(Database db) {
        fill(db);

        assertThrows(MultipleResultsException.class,
                () -> db.select(Product.class).filter("color", Color.RED).fetchOne());
    }

    @Test
    void getOfOneRowIsThatRow(Database db) {
        fill(db);

        assertEquals("Cherry", db.select(Product.class).filter("stock", 20).get().name);
    }

    @Test
    void getOfNothingThrowsNotFound(Database db) {
        fill(db);

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> db.select(Product.class).filter("stock", 99).get());
        assertTrue(e.getMessage().contains("Product"), e.getMessage());
    }

    @Test
    void getOfSeveralRowsThrowsMultipleResults(Database db) {
        fill(db);

        MultipleResultsException e = assertThrows(MultipleResultsException.class,
                () -> db.select(Product.class).filter("active", true).get());
        assertTrue(e.getMessage().startsWith("get() on Product"), e.getMessage());
    }

    // ---- count, exists -----------------------------------------------------------------------

    @Test
    void countCountsMatchingRows(Database db) {
        fill(db);

        assertEquals(5, db.select(Product.class).count());
        assertEquals(3, db.select(Product.class).filter("active", true).count());
        assertEquals(0, db.select(Product.class).filter("name__in", List.of()).count());
    }

    @Test
    void countRunsOneCountQueryAndLoadsNoObjects(Database db, StatementLog log) {
        fill(db);
        db.clearCache();
        log.clear();

        db.select(Product.class).filter("active", true).count();

        assertEquals(1, log.dataStatements().size(), log::toString);
        assertTrue(log.dataStatements().get(0).toLowerCase(java.util.Locale.ROOT).contains("count("), log::toString);
    }

    @Test
    void existsIsTrueWhenAnyRowMatches(Database db) {
        fill(db);

        assertTrue(db.select(Product.class).filter("name", "Apple").exists());
        assertFalse(db.select(Product.class).filter("name", "Durian").exists());
    }

    @Test
    void existsOnAnEmptyTableIsFalse(Database db) {
        db.createTables(Product.class);

        assertFalse(db.select(Product.class).exists());
        assertEquals(0, db.select(Product.class).count());
        assertTrue(db.select(Product.class).fetchAll().isEmpty());
    }

    // ---- delete ------------------------------------------------------------------------------

    @Test
    void deleteRemovesTheMatchingRowsAndReturnsTheirNumber(Database db) {
        fill(db);

        long deleted = db.select(Product.class).filter("active", false).delete();

        assertEquals(2, deleted);
        assertEquals(List.of("Apple", "apricot", "ÄBC Bakery"), names(db.select(Product.class).order("id").fetchAll()));
    }

    @Test
    void deleteOfNothingReturnsZero(Database db) {
        fill(db);

        assertEquals(0, db.select(Product.class).filter("name", "Durian").delete());
        assertEquals(5, db.select(Product.class).count());
    }

    @Test
    void deleteWithoutFilterEmptiesTheTable(Database db) {
        fill(db);

        assertEquals(5, db.select(Product.class).delete());
        assertEquals(0, db.select(Product.class).count());
    }

    @Test
    void deletedRowsLeaveTheIdentityMap(Database db) {
        List<Product> products = fill(db);
        Product banana = products.get(2);

        db.select(Product.class).filter("name", "Banana").delete();

        assertTrue(db.find(Product.class, banana.id).isEmpty());
    }

    // ---- update ------------------------------------------------------------------------------

    @Test
    void updateChangesTheMatchingRowsAndReturnsTheirNumber(Database db) {
        fill(db);

        long changed = db.select(Product.class).filter("color", Color.RED).update(Map.of("stock", 99, "active", true));

        assertEquals(2, changed);
        db.clearCache();
        assertEquals(2, db.select(Product.class).filter("stock", 99).filter("active", true).count());
        assertEquals(1, db.select(Product.class).filter("stock", 99).filter("name", "Cherry").count());
    }

    @Test
    void updateIsSeenByObjectsAlreadyLoaded(Database db) {
        List<Product> products = fill(db);
        Product apple = products.get(0);

        db.select(Product.class).filter("name", "Apple").update(Map.of("price", 9.99));

        assertEquals(9.99, apple.price);
        assertSame(apple, db.get(Product.class, apple.id));
    }

    @Test
    void updateKeepsAFieldChangedInMemory(Database db) {
        List<Product> products = fill(db);
        Product apple = products.get(0);
        apple.price = 5.55;

        db.select(Product.class).filter("name", "Apple").update(Map.of("price", 9.99, "stock", 1));

        assertEquals(5.55, apple.price, "the unsaved change in memory wins");
        assertEquals(Integer.valueOf(1), apple.stock);
    }

    @Test
    void savingAnObjectAfterABulkUpdateWritesNothing(Database db, StatementLog log) {
        List<Product> products = fill(db);
        Product apple = products.get(0);
        db.select(Product.class).filter("name", "Apple").update(Map.of("price", 9.99));
        log.clear();

        db.save(apple);

        assertTrue(log.matching("UPDATE").isEmpty(), log::toString);
    }

    @Test
    void updateToNullWritesNull(Database db) {
        fill(db);
        java.util.HashMap<String, Object> values = new java.util.HashMap<>();
        values.put("stock", null);

        db.select(Product.class).filter("name", "Apple").update(values);
        db.clearCache();

        assertNull(db.select(Product.class).filter("name", "Apple").get().stock);
    }

    @Test
    void updateOfNothingReturnsZero(Database db) {
        fill(db);

        assertEquals(0, db.select(Product.class).filter("name", "Durian").update(Map.of("stock", 1)));
    }

    @Test
    void updateOfAnUnknownFieldThrowsQueryException(Database db) {
        fill(db);

        QueryException e = assertThrows(QueryException.class,
                () -> db.select(Product.class).update(Map.of("weight", 1)));
        assertTrue(e.getMessage().contains("weight"), e.getMessage());
        db.clearCache();
        assertEquals(5, db.select(Product.class).count());
    }

    @Test
    void updateWithAValueOfTheWrongTypeThrowsQueryException(Database db) {
        fill(db);

        assertThrows(QueryException.class,
                () -> db.select(Product.class).update(Map.of("released", "not a date at all")));
    }

    @Test
    void updateIsBound(Database db, StatementLog log) {
        fill(db);
        log.clear();

        db.select(Product.class).filter("name", "Apple").update(Map.of("name", "Robert'); DROP TABLE product;--"));

        String update = log.matching("UPDATE").get(0);
        assertFalse(update.contains("DROP"), update);
        assertEquals(5, db.select(Product.class).count());
    }

    // ---- stream ------------------------------------------------------------------------------

    @Test
    void streamReturnsTheSameRowsAsFetchAll(Database db) {
        fill(db);

        try (Stream<Product> stream = db.select(Product.class).order("price").stream()) {
            assertEquals(List.of("Banana", "Apple", "apricot", "ÄBC Bakery", "Cherry"),
                    stream.map(p -> p.name).collect(Collectors.toList()));
        }
    }

    private static List<Product> products(Database db, int count) {
        db.createTables(Product.class);
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(new Product(String.format("P%05d", i), 0, i, null, Color.RED, true));
        }
        db.saveAll(products);
        return products;
    }

    @Test
    void aStreamWhoseConsumerDeletesTheRowsSeesEachRowOnce(Database db) {
        products(db, 2_500);

        try (Stream<Product> stream = db.select(Product.class).order("name").stream()) {
            List<String> seen = new ArrayList<>();
            stream.forEach(product -> {
                seen.add(product.name);
                db.delete(product);
            });
            assertEquals(2_500, seen.size(), "offset paging skipped a page for every page deleted");
            assertEquals("P02499", seen.get(2_499));
        }
        assertEquals(0, db.select(Product.class).count());
    }

    @Test
    void aStreamLeavesOutARowTheConsumerDeletedAfterItsPageWasRead(Database db) {
        List<Product> all = products(db, 10);

        try (Stream<Product> stream = db.select(Product.class).order("name").stream()) {
            List<Product> seen = stream.peek(product -> {
                if (product == all.get(0)) {
                    db.delete(all.get(1)); // on the page being consumed
                    db.select(Product.class).filter("name", all.get(2).name).delete();
                }
            }).toList();
            assertEquals(all.subList(3, 10), seen.subList(1, seen.size()));
        }
    }

    @Test
    void aStreamWhoseConsumerChangesTheRowsOutOfTheFilterSeesEachRowOnce(Database db) {
        products(db, 2_500);

        long seen;
        try (Stream<Product> stream = db.select(Product.class).filter("stock", 0).stream()) {
            seen = stream.peek(product -> {
                product.stock = 1;
                db.save(product);
            }).count();
        }

        assertEquals(2_500, seen);
        assertEquals(0, db.select(Product.class).filter("stock", 0).count());
    }

    @Test
    void aStreamLeavesOutARowThatStoppedMatchingBeforeItsPage(Database db) {
        List<Product> all = products(db, 1_500);

        try (Stream<Product> stream = db.select(Product.class).filter("stock", 0).order("name").stream()) {
            Product last = all.get(1_499);
            List<Product> seen = stream.peek(first -> {
                if (first == all.get(0)) {
                    last.stock = 1;
                    db.save(last); // on the second page, not read yet
                }
            }).toList();
            assertEquals(1_499, seen.size());
            assertFalse(seen.contains(last));
        }
    }

    @Test
    void aStreamWithAnOffsetAndTheLargestLimitStreamsTheRest(Database db) {
        fill(db);

        assertEquals(4, db.select(Product.class).offset(1).limit(Long.MAX_VALUE).stream().count());
    }

    @Test
    void streamClosedEarlyReleasesTheDatabase(Database db) {
        fill(db);

        try (Stream<Product> stream = db.select(Product.class).order("price").stream()) {
            assertEquals("Banana", stream.findFirst().orElseThrow().name);
        }

        db.save(new Product("Durian"));
        assertEquals(6, db.select(Product.class).count());
    }

    @Test
    void streamedObjectsAreTheIdentityMapInstances(Database db) {
        List<Product> products = fill(db);

        try (Stream<Product> stream = db.select(Product.class).order("id").stream()) {
            List<Product> streamed = stream.collect(Collectors.toList());
            for (int i = 0; i < products.size(); i++) {
                assertSame(products.get(i), streamed.get(i));
            }
        }
    }

    // ---- immutability ------------------------------------------------------------------------

    @Test
    void refiningAQueryLeavesTheOriginalUnchanged(Database db) {
        fill(db);
        Query<Product> all = db.select(Product.class);

        Query<Product> active = all.filter("active", true);
        Query<Product> ordered = all.order("-price");
        Query<Product> limited = all.limit(1);
        Query<Product> excluded = all.exclude("name", "Apple");

        assertEquals(5, all.count());
        assertEquals(3, active.count());
        assertEquals(5, ordered.count());
        assertEquals(1, limited.count());
        assertEquals(4, excluded.count());
        assertNotSame(all, active);
    }

    @Test
    void aQueryCanBeRefinedInTwoDirections(Database db) {
        fill(db);
        Query<Product> active = db.select(Product.class).filter("active", true);

        Query<Product> cheap = active.filter("price__lt", 2.0);
        Query<Product> dear = active.filter("price__gt", 2.0);

        assertEquals(List.of("Apple"), names(cheap.fetchAll()));
        assertEquals(List.of("apricot", "ÄBC Bakery"), names(dear.order("price").fetchAll()));
        assertEquals(3, active.count());
    }

    @Test
    void aQueryCanBeRunAgainAndSeesNewRows(Database db) {
        fill(db);
        Query<Product> active = db.select(Product.class).filter("active", true);
        assertEquals(3, active.count());

        db.save(new Product("Durian", 1, 9.0, LocalDate.of(2024, 1, 1), Color.GREEN, true));

        assertEquals(4, active.count());
    }
}
