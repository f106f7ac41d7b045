package dev.weft.bench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sets two results tables side by side, the way a change is judged: {@code java -cp benchmarks.jar
 * dev.weft.bench.results.Compare before/results.md after/results.md [contender]} prints, for each workload and
 * contender in both (or only {@code contender}'s), ops/s before and after, the speed-up, and the time vs JDBC of
 * each run, as a Markdown table.
 */
public final class Compare {

    /** One row of a results table: its ops/s and time vs JDBC. */
    record Entry(double opsPerSecond, double timeVsJdbc) {
    }

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Compare before/results.md after/results.md [contender]");
            System.exit(2);
        }
        String only = args.length > 2 ? args[2] : null;
        System.out.print(table(read(Path.of(args[0])), read(Path.of(args[1])), only));
    }

    /** The rows of a results table, by "workload contender", in table order. */
    static Map<String, Entry> read(Path table) throws IOException {
        return parse(Files.readAllLines(table, StandardCharsets.UTF_8));
    }

    static Map<String, Entry> parse(List<String> lines) {
        Map<String, Entry> rows = new LinkedHashMap<>();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            // | workload | contender | ops/s | time vs JDBC | B/op |  splits into 6 cells, the first empty
            if (cells.length < 5 || !line.startsWith("|") || cells[3].isBlank() || !Character.isDigit(cells[3].trim().charAt(0))) {
                continue;
            }
            rows.put(cells[1].trim() + " " + cells[2].trim(), new Entry(number(cells[3]), number(cells[4])));
        }
        return rows;
    }

    static String table(Map<String, Entry> before, Map<String, Entry> after, String only) {
        StringBuilder md = new StringBuilder(
                "| workload | contender | ops/s before | ops/s after | speed-up | time vs JDBC before | time vs JDBC after |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Entry> row : after.entrySet()) {
            Entry old = before.get(row.getKey());
            String[] key = row.getKey().split(" ");
            if (old == null || (only != null && !key[1].equals(only))) {
                continue;
            }
            Entry now = row.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f | %s | %s |%n", key[0], key[1],
                    old.opsPerSecond(), now.opsPerSecond(), now.opsPerSecond() / old.opsPerSecond(),
                    ratio(old.timeVsJdbc()), ratio(now.timeVsJdbc())));
        }
        return md.toString();
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static double number(String cell) {
        String text = cell.trim();
        return text.equals("n/a") ? Double.NaN : Double.parseDouble(text);
    }
}
