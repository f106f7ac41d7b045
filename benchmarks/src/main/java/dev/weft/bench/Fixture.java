package dev.weft.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;

/**
 * One trial's database and contender: a new SQLite file in a temporary folder with Chinook and the generated
 * library loaded into it, and the contender opened on it. Deleted after the trial.
 */
@State(Scope.Benchmark)
public class Fixture {

    /** The track that the warm get-by-id loads again and again. */
    public static final long WARM_TRACK_ID = 1_000;
    private static final int TRACKS = 3_503;

    @Param({"jdbc", "weft", "hibernate", "hibernate-batch", "ebean"})
    public String contender;

    /** The generated library has 1,000 authors and 5,000 books per unit of scale. */
    @Param({"1"})
    public int libraryScale;

    private Path folder;
    private Contender opened;
    private long nextTrack;

    @Setup(Level.Trial)
    public void open() {
        folder = SqliteFile.newFolder();
        try {
            Path file = folder.resolve("bench.db");
            boolean chinook = Chinook.locate().isPresent();
            if (chinook) {
                Chinook.loadInto(file);
            } else {
                System.out.println(Chinook.absentMessage());
            }
            Library.createIn(file, libraryScale);
            opened = Contenders.open(contender, file, chinook);
        } catch (RuntimeException e) {
            SqliteFile.deleteFolder(folder);   // JMH skips the tear-down of a failed set-up
            throw e;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            if (opened != null) {
                opened.close();
            }
        } finally {
            SqliteFile.deleteFolder(folder);
        }
    }

    Contender contender() {
        return opened;
    }

    /** Track ids 1, 2, ... 3,503, 1, ... so that the cold get-by-id never asks for the same row twice running. */
    long nextTrackId() {
        nextTrack = nextTrack % TRACKS + 1;
        return nextTrack;
    }
}
