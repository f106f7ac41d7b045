package dev.weft.internal.persist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeferredUpkeepTest {

    private final DeferredUpkeep upkeep = new DeferredUpkeep();

    @Test
    void tasksWaitUntilRunPending() {
        List<String> ran = new ArrayList<>();
        upkeep.execute(() -> ran.add("first"));
        upkeep.execute(() -> ran.add("second"));
        assertTrue(ran.isEmpty());

        upkeep.runPending();

        assertEquals(List.of("first", "second"), ran);
        upkeep.runPending();
        assertEquals(2, ran.size());
    }

    @Test
    void beyondSixteenWaitingTasksRunAtOnce() {
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int task = i;
            upkeep.execute(() -> ran.add(task));
        }
        assertEquals(List.of(16, 17, 18, 19), ran);

        upkeep.runPending();

        assertEquals(20, ran.size());
    }

    @Test
    void aWeakIdentityMapDropsCollectedObjectsOnceItsUpkeepRuns() throws InterruptedException {
        Cache<Object, Object> map = Caffeine.newBuilder().executor(upkeep).weakValues().build();
        WeakReference<Object> last = null;
        for (long id = 0; id < 1_000; id++) {
            Object value = new Object();
            map.put(id, value);
            last = new WeakReference<>(value);
        }
        for (int i = 0; i < 50 && last.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(last.get(), "collected");
        Object kept = new Object();
        map.put(-1L, kept);   // a write asks for upkeep, which waits
        assertTrue(map.estimatedSize() > 1, "not dropped before the upkeep runs");

        upkeep.runPending();

        assertEquals(java.util.Set.of(-1L), map.asMap().keySet());
        assertEquals(1, map.estimatedSize());
        assertSame(kept, map.getIfPresent(-1L));
    }
}
