package dev.weft.internal.persist;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Objects of one entity that came from one result set. When the application first follows a lazy relation of
 * one of them, the same relation of all of them loads with it, in one query: a loop over a thousand books that
 * reads {@code book.author.name} costs two statements, not a thousand and one.
 *
 * <p>A cohort keeps its members reachable as long as one of them is, which is the price of that batching; a
 * result set is bounded by the query that read it (and {@code Query.stream()} reads in pages, each its own
 * cohort).
 */
public final class Cohort {

    /** Members are kept in chunks of 16, 32, 64 ... slots: adding never copies, and a slot once set never changes. */
    private static final int FIRST_CHUNK = 16;

    private Object[][] chunks = new Object[4][];
    private int size;

    /**
     * The members, in the order they were read; a snapshot, so loading may add to the cohort meanwhile. It shares
     * the chunks rather than copying them: only slots past its size are ever written.
     */
    public synchronized List<Object> members() {
        return new Members(chunks, size);
    }

    synchronized void add(Object entity) {
        int chunk = chunkOf(size);
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunk * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Object[FIRST_CHUNK << chunk];
        }
        chunks[chunk][size - start(chunk)] = entity;
        size++;
    }

    private static int chunkOf(int index) {
        return 31 - Integer.numberOfLeadingZeros(index / FIRST_CHUNK + 1);
    }

    private static int start(int chunk) {
        return FIRST_CHUNK * ((1 << chunk) - 1);
    }

    private static final class Members extends AbstractList<Object> implements RandomAccess {
        private final Object[][] chunks;
        private final int size;

        Members(Object[][] chunks, int size) {
            this.chunks = chunks;
            this.size = size;
        }

        @Override
        public Object get(int index) {
            Objects.checkIndex(index, size);
            int chunk = chunkOf(index);
            return chunks[chunk][index - start(chunk)];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
