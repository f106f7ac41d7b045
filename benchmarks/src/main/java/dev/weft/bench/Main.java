package dev.weft.bench;

import dev.weft.bench.results.ResultsWriter;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the whole suite and writes the results: {@code java -jar benchmarks/target/benchmarks.jar [--quick]
 * [--results DIR] [JMH options]}.
 *
 * <p>Without options: every workload for every contender, forked, warmed up, with the GC profiler, JSON results
 * in {@code benchmarks/results/jmh-result.json}, then {@code results.md} and {@code ratios.png} beside it.
 * {@code --quick} runs one short warm-up and one short measured iteration per benchmark, to check that
 * everything works end to end; its numbers are indicative only. Any JMH option (a benchmark regex,
 * {@code -p contender=jdbc,weft}, {@code -wi 5} ...) is passed on and wins over these defaults.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        boolean quick = false;
        Path results = null;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--results" -> results = Path.of(args[++i]);
                default -> jmhArgs.add(args[i]);
            }
        }
        if (results == null) {
            results = defaultResultsFolder();
        }
        Files.createDirectories(results);
        Path json = results.resolve("jmh-result.json");

        CommandLineOptions given = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(Workloads.class.getName() + "\\.");
        }
        Optional<Path> chinook = Chinook.locate();
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        String named = System.getProperty(Chinook.PROPERTY);
        if (chinook.isPresent() || named != null) {
            // the forks look where this JVM looked, or not at all
            jvmArgs.add("-D" + Chinook.PROPERTY + "=" + chinook.map(Path::toString).orElse(named));
        }
        if (chinook.isEmpty()) {
            System.out.println(Chinook.absentMessage());
            for (String workload : ChinookWorkloads.NAMES) {
                options.exclude(Workloads.class.getName() + "\\." + workload + "$");
            }
        }
        if (Runtime.version().feature() >= 22) {
            jvmArgs.add("--enable-native-access=ALL-UNNAMED");   // sqlite-jdbc loads its native library
        }
        if (!given.getJvmArgsAppend().hasValue()) {
            options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        }
        if (given.getProfilers().isEmpty()) {
            options.addProfiler("gc");
        }
        if (!given.getResultFormat().hasValue()) {
            options.resultFormat(ResultFormatType.JSON);
        }
        if (!given.getResult().hasValue()) {
            options.result(json.toString());
        }
        if (quick) {
            if (!given.getForkCount().hasValue()) {
                options.forks(1);
            }
            if (!given.getWarmupIterations().hasValue()) {
                options.warmupIterations(1);
            }
            if (!given.getWarmupTime().hasValue()) {
                options.warmupTime(TimeValue.milliseconds(500));
            }
            if (!given.getMeasurementIterations().hasValue()) {
                options.measurementIterations(1);
            }
            if (!given.getMeasurementTime().hasValue()) {
                options.measurementTime(TimeValue.seconds(1));
            }
        }
        new Runner(options.build()).run();

        Path written = given.getResult().hasValue() ? Path.of(given.getResult().get()) : json;
        if (Files.isRegularFile(written)) {
            ResultsWriter.write(written, results, quick);
            System.out.println("Results: " + results.resolve(ResultsWriter.TABLE) + " and "
                    + results.resolve(ResultsWriter.CHART));
        }
    }

    /** {@code benchmarks/results} of the checkout this is run from (the repository root or the module). */
    static Path defaultResultsFolder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("benchmarks/pom.xml"))) {
                return dir.resolve("benchmarks/results");
            }
            if (dir.getFileName() != null && dir.getFileName().toString().equals("benchmarks")
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("results");
            }
        }
        return here.resolve("results");
    }
}
