package dev.weft.internal.persist;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of the identity maps' upkeep (taking in new entries, dropping those whose objects were collected).
 * Caffeine asks for upkeep on the first write after each run; run at once, that is after every row a result set
 * adds, and it cost more than the put itself. Here it waits for the next result set, or runs when a few are pending:
 * a map whose upkeep waits answers as before (a collected object is not returned), and one that fills its write
 * buffer meanwhile does its upkeep itself.
 */
final class DeferredUpkeep implements Executor {

    /** The most tasks kept waiting; more run at once, so that maps written outside result sets stay tidy. */
    private static final int MOST_PENDING = 16;

    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
        if (count.incrementAndGet() > MOST_PENDING) {
            count.decrementAndGet();
            task.run();
            return;
        }
        pending.add(task);
    }

    /** Runs the upkeep that waits. */
    void runPending() {
        if (count.get() == 0) {
            return;
        }
        for (Runnable task = pending.poll(); task != null; task = pending.poll()) {
            count.decrementAndGet();
            task.run();
        }
    }
}
