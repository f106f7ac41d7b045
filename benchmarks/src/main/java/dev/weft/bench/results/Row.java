package dev.weft.bench.results;

/**
 * One line of the results table.
 *
 * @param workload the benchmark method, with any parameter other than the contender that varied
 * @param contender jdbc, weft, hibernate, hibernate-batch or ebean
 * @param opsPerSecond JMH's score
 * @param timeVsJdbc this contender's time per operation divided by JDBC's ({@code NaN} without a JDBC row)
 * @param bytesPerOp {@code gc.alloc.rate.norm}, or {@code NaN} when the run had no GC profiler
 */
public record Row(String workload, String contender, double opsPerSecond, double timeVsJdbc, double bytesPerOp) {
}
