package dev.weft.bench.results;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two results tables, as {@link ResultsWriter} writes them, set side by side. */
class CompareTest {

    private static final List<String> BEFORE = List.of("# Benchmark results", "", "- Date: 2026-11-21", "",
            "| workload | contender | ops/s | time vs JDBC | B/op |", "|---|---|---|---|---|",
            "| lazyLoop | jdbc | 500.0 | 1.00 | 900 |",
            "| lazyLoop | weft | 100.0 | 5.00 | 1200 |",
            "| lazyLoop | ebean | 160.0 | 3.13 | n/a |");
    private static final List<String> AFTER = List.of(
            "| workload | contender | ops/s | time vs JDBC | B/op |", "|---|---|---|---|---|",
            "| lazyLoop | jdbc | 510.0 | 1.00 | 900 |",
            "| lazyLoop | weft | 400.0 | 1.28 | 1000 |",
            "| updateBooks | weft | 300.0 | n/a | 1000 |");

    @Test
    void readsTheRowsOfATableAndSkipsEverythingElse() {
        Map<String, Compare.Entry> rows = Compare.parse(BEFORE);
        assertEquals(List.of("lazyLoop jdbc", "lazyLoop weft", "lazyLoop ebean"), List.copyOf(rows.keySet()));
        assertEquals(new Compare.Entry(100.0, 5.0), rows.get("lazyLoop weft"));
    }

    @Test
    void setsTheRowsInBothSideBySideWithTheSpeedUp() {
        String table = Compare.table(Compare.parse(BEFORE), Compare.parse(AFTER), "weft");
        assertEquals("""
                | workload | contender | ops/s before | ops/s after | speed-up | time vs JDBC before | time vs JDBC after |
                |---|---|---|---|---|---|---|
                | lazyLoop | weft | 100.0 | 400.0 | 4.00 | 5.00 | 1.28 |
                """, table);
    }
}
