package dev.weft.bench;

import dev.weft.bench.results.ResultsWriter;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long enhancement takes, the two ways in: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.weft.bench.EnhancementTiming} from the repository root, after the build that makes the agent's jar.
 *
 * <ul>
 *   <li><b>Build time</b>: generated entity classes (N of them, each with four columns and a foreign key to the one
 *       before, and a class reading their fields from outside) enhanced by the enhancer the Maven plugin runs, in a
 *       fresh JVM as a build would: the enhancer's own count of milliseconds and the JVM's wall time.</li>
 *   <li><b>Load time</b>: the agent's added start-up, as wall time of a whole program run with
 *       {@code -javaagent} on classes never enhanced, minus the same program on the plugin's enhanced classes:
 *       the generated entities (a program that creates their tables and saves and reads one row of each) and the samples' {@code LibraryDemo}.</li>
 * </ul>
 * Each wall time is the median of {@value #RUNS} runs. The table goes to standard output and to
 * {@code benchmarks/results/enhancement.md}.
 */
public final class EnhancementTiming {

    private static final int RUNS = 7;
    private static final int[] ENTITY_COUNTS = {10, 100, 500};

    private final Path root;
    private final Path agentJar;
    private final String classPath = System.getProperty("java.class.path");
    private final Path work;
    private final StringBuilder table = new StringBuilder();

    private EnhancementTiming(Path root) throws IOException {
        this.root = root;
        this.agentJar = agentJar(root);
        this.work = Files.createTempDirectory("weft-enhancement-timing");
    }

    public static void main(String[] args) throws Exception {
        Path root = Main.defaultResultsFolder().getParent().getParent();
        EnhancementTiming timing = new EnhancementTiming(root);
        try {
            timing.run();
        } finally {
            SqliteFile.deleteFolder(timing.work);
        }
    }

    private void run() throws Exception {
        line("# Enhancement time");
        line("");
        line("- Date: " + java.time.LocalDate.now());
        line("- Machine: " + ResultsWriter.machine());
        line("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line("- Each wall time is the median of " + RUNS + " runs of a new JVM.");
        line("");
        line("## Build time (the enhancer weft-maven-plugin runs)");
        line("");
        line("| entity classes | classes enhanced | enhancer ms | JVM wall ms |");
        line("|---|---|---|---|");
        List<Path[]> generated = new ArrayList<>();
        for (int count : ENTITY_COUNTS) {
            Path plain = compile(count);
            Path enhanced = copy(plain, work.resolve("enhanced-" + count));
            String[] reported = new String[1];
            long wall = medianWall(() -> {
                Path fresh = copy(plain, work.resolve("run-" + count));
                List<String> out = java(List.of(), agentJar + File.pathSeparator + classPath,
                        EnhanceFolder.class.getName(), fresh.toString(), classPath);
                reported[0] = out.get(out.size() - 1);
                SqliteFile.deleteFolder(fresh);
            });
            java(List.of(), agentJar + File.pathSeparator + classPath, EnhanceFolder.class.getName(),
                    enhanced.toString(), classPath);
            String[] parts = reported[0].split(" ");
            line("| " + count + " | " + parts[0] + " | " + parts[1] + " | " + wall + " |");
            generated.add(new Path[] {plain, enhanced});
        }
        line("");
        line("## Load time (the agent's added start-up)");
        line("");
        line("| program | plugin-enhanced, no agent: wall ms | unenhanced with -javaagent: wall ms | added ms |");
        line("|---|---|---|---|");
        for (int i = 0; i < ENTITY_COUNTS.length; i++) {
            Path[] pair = generated.get(i);
            compare(ENTITY_COUNTS[i] + " generated entities (create tables, save and read one of each)",
                    pair[1], pair[0], "gen.Main", List.of());
        }
        Path samplesEnhanced = root.resolve("samples/target/classes");
        if (Files.isDirectory(samplesEnhanced)) {
            Path samplesPlain = compileSamples();
            Path db = work.resolve("demo.db");
            compare("samples: LibraryDemo", samplesEnhanced, samplesPlain, "dev.weft.samples.LibraryDemo",
                    List.of(db.toString()));
        } else {
            line("| samples: not built (run the README's build first) | | | |");
        }
        Path out = root.resolve("benchmarks/results/enhancement.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("Written to " + out);
    }

    private void compare(String label, Path enhanced, Path plain, String mainClass, List<String> args)
            throws Exception {
        List<String> programArgs = new ArrayList<>(List.of(mainClass));
        programArgs.addAll(args);
        long without = medianWall(() -> java(List.of(), enhanced + File.pathSeparator + classPath,
                programArgs.toArray(String[]::new)));
        long with = medianWall(() -> java(List.of("-javaagent:" + agentJar), plain + File.pathSeparator + classPath,
                programArgs.toArray(String[]::new)));
        line("| " + label + " | " + without + " | " + with + " | " + (with - without) + " |");
    }

    /** Writes and compiles {@code count} entities and the programs that use them; returns the class folder. */
    private Path compile(int count) throws IOException {
        Path sources = work.resolve("src-" + count + "/gen");
        Files.createDirectories(sources);
        List<Path> files = new ArrayList<>();
        StringBuilder entityList = new StringBuilder();
        StringBuilder use = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String previous = i == 0 ? "" : "    @ForeignKey(nullable = true) public E" + (i - 1) + " previous;\n";
            files.add(write(sources.resolve("E" + i + ".java"), "package gen;\n\nimport dev.weft.*;\n\n"
                    + "@Entity\npublic class E" + i + " {\n    @Id public long id;\n    public String name;\n"
                    + "    public int count;\n    public double score;\n    public java.time.LocalDate day;\n"
                    + previous + "}\n"));
            entityList.append(i == 0 ? "" : ", ").append("E").append(i).append(".class");
            use.append("        { E").append(i).append(" e = new E").append(i).append("(); e.name = \"e")
                    .append(i).append("\"; e.count = ").append(i).append("; db.save(e); sum += db.get(E")
                    .append(i).append(".class, e.id).name.length(); }\n");
        }
        files.add(write(sources.resolve("Main.java"), "package gen;\n\nimport dev.weft.Database;\n\n"
                + "public class Main {\n    public static void main(String[] args) {\n"
                + "        try (Database db = Database.builder().inMemory().build()) {\n"
                + "            db.createTables(" + entityList + ");\n"
                + "            int sum = 0;\n" + use + "            System.out.println(sum);\n        }\n    }\n}\n"));
        Path classes = work.resolve("classes-" + count);
        javac(files, classes);
        return classes;
    }

    private Path compileSamples() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("samples/src/main/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Path classes = work.resolve("samples-plain");
        javac(files, classes);
        return classes;
    }

    private void javac(List<Path> files, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler: run this with a JDK, not a JRE.");
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath, "-proc:none",
                "-nowarn", "-encoding", "UTF-8"));
        files.forEach(f -> args.add(f.toString()));
        if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("Compiling " + files.size() + " files into " + classes + " failed");
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private interface Run {
        void run() throws Exception;
    }

    private static long medianWall(Run run) throws Exception {
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    /** Runs a new JVM of the same Java; returns its output lines, failing if it fails. */
    private static List<String> java(List<String> jvmArgs, String classPath, String... mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.addAll(List.of(mainAndArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + output);
        }
        return output.lines().toList();
    }

    private static Path agentJar(Path root) throws IOException {
        Path target = root.resolve("agent/target");
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches("weft-agent-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No agent jar in " + target + ": build first."));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("No " + target + ": run this from the repository root after the build.");
        }
    }

    private void line(String text) {
        System.out.println(text);
        table.append(text).append('\n');
    }

    /**
     * The child JVM of the build-time measurement: enhances a folder in place with the enhancer the Maven plugin
     * runs and prints {@code <classes enhanced> <milliseconds>}. Found by reflection, so that this module needs the
     * agent only at run time.
     */
    public static final class EnhanceFolder {
        public static void main(String[] args) throws Exception {
            Class<?> enhancer = Class.forName("dev.weft.agent.internal.ClassFolderEnhancer");
            Method enhance = enhancer.getMethod("enhance", Path.class, List.class, java.util.Collection.class);
            List<Path> classPath = Stream.of(args[1].split(File.pathSeparator)).map(Path::of).toList();
            Object result = enhance.invoke(null, Path.of(args[0]), classPath, List.of());
            List<?> enhanced = (List<?>) result.getClass().getMethod("enhanced").invoke(result);
            Object failures = result.getClass().getMethod("failures").invoke(result);
            if (!((java.util.Map<?, ?>) failures).isEmpty()) {
                throw new IllegalStateException("Enhancement failed: " + failures);
            }
            long millis = (long) result.getClass().getMethod("millis").invoke(result);
            System.out.println(String.format(Locale.ROOT, "%d %d", enhanced.size(), millis));
        }
    }
}
