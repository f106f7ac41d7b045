package dev.weft.bench;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every workload once for every contender, each on its own fresh database, and prints what each returned,
 * so that the contenders can be seen to do the same work: {@code java -cp benchmarks.jar dev.weft.bench.Check
 * [contender...]}. Exits with 1 when a contender fails or returns something other than JDBC does.
 */
public final class Check {

    private Check() {
    }

    public static void main(String[] args) throws Exception {
        List<String> contenders = args.length > 0 ? List.of(args) : Contenders.NAMES;
        boolean chinook = Chinook.locate().isPresent();
        if (!chinook) {
            System.out.println(Chinook.absentMessage());
        }
        List<Method> workloads = new ArrayList<>();
        for (Method method : Contender.class.getMethods()) {
            if (method.getReturnType() == int.class
                    && (chinook || !ChinookWorkloads.NAMES.contains(method.getName()))) {
                workloads.add(method);
            }
        }
        workloads.sort((a, b) -> Integer.compare(order(a.getName()), order(b.getName())));
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        boolean failed = false;
        for (String name : contenders) {
            Path folder = SqliteFile.newFolder();
            Path file = folder.resolve("check.db");
            try {
                if (chinook) {
                    Chinook.loadInto(file);
                }
                Library.createIn(file, 1);
                try (Contender contender = Contenders.open(name, file, chinook)) {
                    for (Method workload : workloads) {
                        String answer;
                        long start = System.nanoTime();
                        try {
                            Object[] arguments = workload.getParameterCount() == 1 ? new Object[] {1_000L} : new Object[0];
                            answer = String.valueOf(workload.invoke(contender, arguments));
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            answer = "FAILED: " + e.getCause();
                            e.getCause().printStackTrace();
                            failed = true;
                        }
                        long micros = (System.nanoTime() - start) / 1_000;
                        System.out.printf("%-16s %-26s %-12s %8d us%n", name, workload.getName(), answer, micros);
                        answers.computeIfAbsent(workload.getName(), w -> new LinkedHashMap<>()).put(name, answer);
                    }
                }
            } catch (RuntimeException e) {
                System.out.println(name + " FAILED to open: " + e);
                e.printStackTrace();
                failed = true;
            } finally {
                SqliteFile.deleteFolder(folder);
            }
        }
        for (Map.Entry<String, Map<String, String>> entry : answers.entrySet()) {
            String expected = entry.getValue().get("jdbc");
            entry.getValue().forEach((contender, answer) -> {
                if (expected != null && !expected.equals(answer)) {
                    System.out.println("MISMATCH " + entry.getKey() + ": jdbc " + expected + ", " + contender + " " + answer);
                }
            });
            if (expected != null && entry.getValue().values().stream().anyMatch(a -> !a.equals(expected))) {
                failed = true;
            }
        }
        System.out.println(failed ? "Check FAILED" : "Check passed: every contender returned what JDBC returned");
        System.exit(failed ? 1 : 0);
    }

    private static int order(String workload) {
        int i = dev.weft.bench.results.ResultsWriter.WORKLOADS.indexOf(workload);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
