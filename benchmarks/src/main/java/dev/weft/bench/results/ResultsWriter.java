package dev.weft.bench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results into {@code results.md}, a Markdown table with the columns
 * {@code | workload | contender | ops/s | time vs JDBC | B/op |} headed by the date, machine and JDK, and
 * {@code ratios.png}, a bar chart of the time-vs-JDBC ratios ({@link RatioChart}).
 *
 * <p>Run on its own: {@code java -cp benchmarks.jar dev.weft.bench.results.ResultsWriter jmh-result.json [outDir]}.
 */
public final class ResultsWriter {

    public static final String TABLE = "results.md";
    public static final String CHART = "ratios.png";

    /** The order of the table: issue 6's workloads, then any other in the order JMH ran them. */
    public static final List<String> WORKLOADS = List.of("getByIdCold", "getByIdWarm", "filteredList",
            "tracksWithAlbumAndArtist", "lazyLoop", "albumsWithTracks", "playlistsWithTracks", "filterAcrossToOne",
            "filterAcrossManyToMany", "insertBooksWithAuthors", "updateBooks", "linkAndDeleteCategory");
    static final List<String> CONTENDERS = List.of("jdbc", "weft", "hibernate", "hibernate-batch", "ebean");

    private ResultsWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ResultsWriter jmh-result.json [outDir] [--quick]");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        Path out = args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1]) : json.toAbsolutePath().getParent();
        boolean quick = List.of(args).contains("--quick");
        write(json, out, quick);
    }

    /** Writes {@link #TABLE} and {@link #CHART} into {@code out} from the JMH JSON file. */
    public static void write(Path json, Path out, boolean quick) throws IOException {
        List<?> results = (List<?>) Json.parse(Files.readString(json, StandardCharsets.UTF_8));
        Files.createDirectories(out);
        List<Row> rows = rows(results);
        Files.writeString(out.resolve(TABLE), markdown(results, rows, quick, LocalDate.now(), machine()),
                StandardCharsets.UTF_8);
        RatioChart.draw(rows, out.resolve(CHART));
    }

    /** The table's rows, in workload then contender order, with ratios to the JDBC row of the same workload. */
    static List<Row> rows(List<?> results) {
        Map<String, Set<String>> paramValues = new HashMap<>();
        for (Object result : results) {
            params(result).forEach((name, value) -> paramValues.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value));
        }
        Map<String, Map<String, double[]>> byWorkload = new LinkedHashMap<>();
        for (Object result : results) {
            Map<?, ?> r = (Map<?, ?>) result;
            String benchmark = (String) r.get("benchmark");
            StringBuilder workload = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.') + 1));
            Map<String, String> params = params(result);
            List<String> varying = new ArrayList<>();
            new TreeMap<>(params).forEach((name, value) -> {
                if (!name.equals("contender") && paramValues.get(name).size() > 1) {
                    varying.add(name + "=" + value);
                }
            });
            if (!varying.isEmpty()) {
                workload.append(" [").append(String.join(", ", varying)).append(']');
            }
            String contender = params.getOrDefault("contender", "?");
            double score = number(((Map<?, ?>) r.get("primaryMetric")).get("score"));
            double bytes = Double.NaN;
            Object secondary = r.get("secondaryMetrics");
            if (secondary instanceof Map<?, ?> metrics && metrics.get("gc.alloc.rate.norm") instanceof Map<?, ?> alloc) {
                bytes = number(alloc.get("score"));
            }
            byWorkload.computeIfAbsent(workload.toString(), w -> new LinkedHashMap<>()).put(contender, new double[] {score, bytes});
        }
        List<String> workloads = new ArrayList<>(byWorkload.keySet());
        // stable: workloads of the same method keep the order JMH ran their parameters in
        workloads.sort(Comparator.comparingInt((String w) -> order(WORKLOADS, w.split(" ")[0])));
        List<Row> rows = new ArrayList<>();
        for (String workload : workloads) {
            Map<String, double[]> contenders = byWorkload.get(workload);
            double[] jdbc = contenders.get("jdbc");
            List<String> names = new ArrayList<>(contenders.keySet());
            names.sort(Comparator.comparingInt((String c) -> order(CONTENDERS, c)).thenComparing(c -> c));
            for (String contender : names) {
                double[] v = contenders.get(contender);
                double ratio = jdbc == null ? Double.NaN : jdbc[0] / v[0];
                rows.add(new Row(workload, contender, v[0], ratio, v[1]));
            }
        }
        return rows;
    }

    private static int order(List<String> known, String name) {
        int i = known.indexOf(name);
        return i < 0 ? known.size() : i;
    }

    private static Map<String, String> params(Object result) {
        Map<String, String> params = new LinkedHashMap<>();
        if (((Map<?, ?>) result).get("params") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
        }
        return params;
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String markdown(List<?> results, List<Row> rows, boolean quick, LocalDate date, String machine) {
        Map<?, ?> first = results.isEmpty() ? Map.of() : (Map<?, ?>) results.get(0);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results").append(quick ? " (quick run)" : "").append("\n\n");
        if (quick) {
            md.append("**Quick run**: one short warm-up and one short measured iteration per benchmark, to check that "
                    + "everything runs. The numbers are indicative only; compare full runs.\n\n");
        }
        md.append("- Date: ").append(date).append('\n');
        md.append("- Machine: ").append(machine).append('\n');
        md.append("- JDK: ").append(first.get("vmName")).append(' ').append(first.get("vmVersion"))
                .append(" (JDK ").append(first.get("jdkVersion")).append(")\n");
        md.append("- JMH ").append(first.get("jmhVersion")).append(": ").append(intText(first.get("forks"))).append(" fork(s), ")
                .append(intText(first.get("warmupIterations"))).append(" × ").append(first.get("warmupTime")).append(" warm-up, ")
                .append(intText(first.get("measurementIterations"))).append(" × ").append(first.get("measurementTime"))
                .append(" measured; B/op is `gc.alloc.rate.norm` from `-prof gc`\n");
        md.append("- time vs JDBC: the contender's time per operation divided by hand-written JDBC's "
                + "(JDBC ops/s ÷ the contender's ops/s); below 1 is faster than JDBC\n\n");
        md.append("| workload | contender | ops/s | time vs JDBC | B/op |\n");
        md.append("|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.workload())
                    .append(" | ").append(row.contender())
                    .append(" | ").append(format("%.1f", row.opsPerSecond()))
                    .append(" | ").append(format("%.2f", row.timeVsJdbc()))
                    .append(" | ").append(format("%.0f", row.bytesPerOp()))
                    .append(" |\n");
        }
        md.append("\n![time vs JDBC](").append(CHART).append(")\n");
        return md.toString();
    }

    private static String intText(Object value) {
        return value instanceof Number n ? String.valueOf(n.intValue()) : String.valueOf(value);
    }

    private static String format(String pattern, double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, pattern, value);
    }

    /** CPU model and core count. */
    public static String machine() {
        String cpu = System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture will do
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return cpu + ", " + cores + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
