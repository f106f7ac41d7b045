package dev.weft.bench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results writer on a small JMH result file of the shape {@code -rf json -prof gc} writes. */
class ResultsWriterTest {

    private static String result(String method, String contender, double score, double bytes) {
        return """
            {"jmhVersion": "1.37", "benchmark": "dev.weft.bench.Workloads.%s", "mode": "thrpt", "threads": 1,
             "forks": 1, "jvm": "/usr/bin/java", "jvmArgs": [], "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM",
             "vmVersion": "17.0.15+6", "warmupIterations": 1, "warmupTime": "500 ms", "warmupBatchSize": 1,
             "measurementIterations": 1, "measurementTime": "1 s", "measurementBatchSize": 1,
             "params": {"contender": "%s", "libraryScale": "1"},
             "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"],
               "scorePercentiles": {"0.0": %s}, "scoreUnit": "ops/s", "rawData": [[%s]]},
             "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreError": "NaN", "scoreUnit": "B/op"}}}
            """.formatted(method, contender, score, score, score, bytes);
    }

    private static final String JSON = "[" + String.join(",",
            result("lazyLoop", "weft", 500.0, 30_000.0),
            result("getByIdCold", "weft", 40_000.0, 9_000.0),
            result("getByIdCold", "jdbc", 100_000.0, 2_000.0),
            result("lazyLoop", "jdbc", 1_000.0, 20_000.0),
            result("lazyLoop", "hibernate", 100.0, 1.5e6)) + "]";

    @Test
    void rowsComeInWorkloadAndContenderOrderWithTimeRelativeToJdbc() {
        List<Row> rows = ResultsWriter.rows((List<?>) Json.parse(JSON));
        assertEquals(List.of("getByIdCold jdbc", "getByIdCold weft", "lazyLoop jdbc", "lazyLoop weft", "lazyLoop hibernate"),
                rows.stream().map(r -> r.workload() + " " + r.contender()).toList());
        assertEquals(2.5, rows.get(1).timeVsJdbc(), 1e-9);
        assertEquals(10.0, rows.get(4).timeVsJdbc(), 1e-9);
        assertEquals(9_000.0, rows.get(1).bytesPerOp(), 1e-9);
    }

    @Test
    void writesTheMarkdownTableAndTheChart(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("jmh-result.json");
        Files.writeString(json, JSON);
        ResultsWriter.write(json, dir, true);

        String md = Files.readString(dir.resolve(ResultsWriter.TABLE));
        assertTrue(md.contains("Quick run"), md);
        assertTrue(md.contains("- JDK: OpenJDK 64-Bit Server VM 17.0.15+6"), md);
        assertTrue(md.contains("| workload | contender | ops/s | time vs JDBC | B/op |\n|---|---|---|---|---|\n"), md);
        assertTrue(md.contains("| getByIdCold | weft | 40000.0 | 2.50 | 9000 |"), md);
        assertTrue(md.contains("| lazyLoop | hibernate | 100.0 | 10.00 | 1500000 |"), md);
        assertNotNull(ImageIO.read(dir.resolve(ResultsWriter.CHART).toFile()));
    }

    @Test
    void aParameterThatVariesIsNamedInTheWorkload() {
        String json = "[" + result("updateBooks", "jdbc", 10.0, 1.0) + ","
                + result("updateBooks", "jdbc", 5.0, 1.0).replace("\"libraryScale\": \"1\"", "\"libraryScale\": \"10\"") + "]";
        List<Row> rows = ResultsWriter.rows((List<?>) Json.parse(json));
        assertEquals(List.of("updateBooks [libraryScale=1]", "updateBooks [libraryScale=10]"),
                rows.stream().map(Row::workload).toList());
    }
}
