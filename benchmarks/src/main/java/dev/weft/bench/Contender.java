package dev.weft.bench;

/**
 * One way of doing the workloads: hand-written JDBC, Weft, Hibernate or Ebean, each written the way its own
 * documentation recommends. Every method is one unit of work as an application would write it, and returns a
 * number computed from what it loaded so that nothing can be optimised away and the contenders can be checked
 * against each other.
 *
 * <p>The read workloads start cold: a new session (Hibernate), a query outside a transaction (Ebean), or a
 * cleared identity map (Weft), except {@link #getByIdWarm}.
 */
public interface Contender extends AutoCloseable {

    /** The track with this id, loaded by id with nothing cached: its name's length. */
    int getByIdCold(long trackId);

    /** The same track again, from an identity map (persistence context) that already holds it. */
    int getByIdWarm(long trackId);

    /** Tracks longer than {@link Workloads#MIN_MILLISECONDS}, ordered by name, the first 1,000: a checksum. */
    int filteredList();

    /** The first 1,000 tracks by id with album and artist loaded in the same statement: artist name lengths. */
    int tracksWithAlbumAndArtist();

    /** The first 1,000 tracks by id, then {@code track.album.title} read for each, loaded however it loads. */
    int lazyLoop();

    /** Every album with its tracks (one-to-many), loaded by prefetching: the number of tracks. */
    int albumsWithTracks();

    /** Every playlist with its tracks (many-to-many), loaded by prefetching: the number of links. */
    int playlistsWithTracks();

    /** Tracks whose album's artist's name starts with {@link Workloads#ARTIST_PREFIX}: how many. */
    int filterAcrossToOne();

    /** Tracks in a playlist named {@link Workloads#PLAYLIST}: how many (each once). */
    int filterAcrossManyToMany();

    /** Inserts 1,000 books, each with a new author, in one transaction: how many books were inserted. */
    int insertBooksWithAuthors();

    /** Loads the first 1,000 books by id, adds one page to each, saves them: how many were changed. */
    int updateBooks();

    /** A new category linked to the first 1,000 books, then deleted with its links: how many links were made. */
    int linkAndDeleteCategory();

    @Override
    void close();
}
