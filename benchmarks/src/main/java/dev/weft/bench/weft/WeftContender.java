package dev.weft.bench.weft;

import dev.weft.Database;
import dev.weft.bench.Contender;
import dev.weft.bench.Workloads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Weft as its documentation shows it: entities enhanced at build time by weft-maven-plugin, fields read
 * directly, {@code selectRelated} / {@code prefetchRelated} to load relations with the rows.
 */
public final class WeftContender implements Contender {

    private final Database db;
    /** Held so that the weak identity map keeps the warm track. */
    private Track warm;

    public WeftContender(Path file, boolean chinook) {
        db = Database.open(file);
        if (chinook) {
            db.register(Artist.class, Album.class, Genre.class, MediaType.class, Track.class, Playlist.class);
        }
        db.register(Author.class, Book.class, Category.class);
    }

    @Override
    public int getByIdCold(long trackId) {
        db.clearCache();
        return db.get(Track.class, trackId).name.length();
    }

    @Override
    public int getByIdWarm(long trackId) {
        warm = db.get(Track.class, trackId);
        return warm.name.length();
    }

    @Override
    public int filteredList() {
        db.clearCache();
        List<Track> tracks = db.select(Track.class)
                .filter("milliseconds__gt", Workloads.MIN_MILLISECONDS)
                .order("name")
                .limit(1_000)
                .fetchAll();
        int sum = 0;
        for (Track t : tracks) {
            sum += (int) t.id;
        }
        return sum;
    }

    @Override
    public int tracksWithAlbumAndArtist() {
        db.clearCache();
        List<Track> tracks = db.select(Track.class)
                .selectRelated("album", "album__artist")
                .order("id")
                .limit(1_000)
                .fetchAll();
        int sum = 0;
        for (Track t : tracks) {
            if (t.album != null) {
                sum += t.album.artist.name == null ? 0 : t.album.artist.name.length();
            }
        }
        return sum;
    }

    @Override
    public int lazyLoop() {
        db.clearCache();
        List<Track> tracks = db.select(Track.class).order("id").limit(1_000).fetchAll();
        int sum = 0;
        for (Track t : tracks) {
            if (t.album != null) {
                sum += t.album.title.length();
            }
        }
        return sum;
    }

    @Override
    public int albumsWithTracks() {
        db.clearCache();
        int count = 0;
        for (Album album : db.select(Album.class).prefetchRelated("tracks").fetchAll()) {
            count += album.tracks.size();
        }
        return count;
    }

    @Override
    public int playlistsWithTracks() {
        db.clearCache();
        int count = 0;
        for (Playlist playlist : db.select(Playlist.class).prefetchRelated("tracks").fetchAll()) {
            count += playlist.tracks.size();
        }
        return count;
    }

    @Override
    public int filterAcrossToOne() {
        db.clearCache();
        return db.select(Track.class)
                .filter("album__artist__name__startswith", Workloads.ARTIST_PREFIX)
                .fetchAll()
                .size();
    }

    @Override
    public int filterAcrossManyToMany() {
        db.clearCache();
        return db.select(Track.class).filter("playlists__name", Workloads.PLAYLIST).fetchAll().size();
    }

    @Override
    public int insertBooksWithAuthors() {
        db.clearCache();
        List<Book> books = new ArrayList<>(1_000);
        for (int i = 0; i < 1_000; i++) {
            Author author = new Author("New author " + i, "new" + i + "@example.org");
            books.add(new Book("New book " + i, author, 300, 2024));
        }
        db.saveAll(books);   // one transaction; the new authors are inserted first
        return books.size();
    }

    @Override
    public int updateBooks() {
        db.clearCache();
        List<Book> books = db.select(Book.class).order("id").limit(1_000).fetchAll();
        for (Book b : books) {
            b.pages++;
        }
        db.saveAll(books);
        return books.size();
    }

    @Override
    public int linkAndDeleteCategory() {
        db.clearCache();
        Category category = db.save(new Category("Linked"));
        List<Book> books = new ArrayList<>(1_000);
        for (long id = 1; id <= 1_000; id++) {
            books.add(db.reference(Book.class, id));
        }
        category.books.addAll(books);   // the junction rows are written at once
        db.delete(category);   // the junction rows go with it
        return books.size();
    }

    @Override
    public void close() {
        db.close();
    }
}
