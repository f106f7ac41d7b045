package dev.weft.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The workloads of issue 6, one benchmark method each, run for every contender (the {@code contender}
 * parameter of {@link Fixture}). Numbers are operations per second; {@link dev.weft.bench.results.ResultsWriter}
 * turns them into time relative to JDBC.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Workloads {

    /** The filtered list keeps tracks longer than this (2,749 of Chinook's 3,503), then the first 1,000 by name. */
    public static final long MIN_MILLISECONDS = 200_000;
    /** The prefix of artist names in the filter across to-one relations (Weft's case-sensitive startswith). */
    public static final String ARTIST_PREFIX = "A";
    /** The playlist name in the filter across the many-to-many relation. */
    public static final String PLAYLIST = "Classical";

    @Benchmark
    public int getByIdCold(Fixture f) {
        return f.contender().getByIdCold(f.nextTrackId());
    }

    @Benchmark
    public int getByIdWarm(Fixture f) {
        return f.contender().getByIdWarm(Fixture.WARM_TRACK_ID);
    }

    @Benchmark
    public int filteredList(Fixture f) {
        return f.contender().filteredList();
    }

    @Benchmark
    public int tracksWithAlbumAndArtist(Fixture f) {
        return f.contender().tracksWithAlbumAndArtist();
    }

    @Benchmark
    public int lazyLoop(Fixture f) {
        return f.contender().lazyLoop();
    }

    @Benchmark
    public int albumsWithTracks(Fixture f) {
        return f.contender().albumsWithTracks();
    }

    @Benchmark
    public int playlistsWithTracks(Fixture f) {
        return f.contender().playlistsWithTracks();
    }

    @Benchmark
    public int filterAcrossToOne(Fixture f) {
        return f.contender().filterAcrossToOne();
    }

    @Benchmark
    public int filterAcrossManyToMany(Fixture f) {
        return f.contender().filterAcrossManyToMany();
    }

    @Benchmark
    public int insertBooksWithAuthors(Fixture f) {
        return f.contender().insertBooksWithAuthors();
    }

    @Benchmark
    public int updateBooks(Fixture f) {
        return f.contender().updateBooks();
    }

    @Benchmark
    public int linkAndDeleteCategory(Fixture f) {
        return f.contender().linkAndDeleteCategory();
    }
}
