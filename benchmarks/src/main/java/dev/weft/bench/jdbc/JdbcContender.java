package dev.weft.bench.jdbc;

import dev.weft.bench.Contender;
import dev.weft.bench.Workloads;
import dev.weft.bench.jdbc.Rows.Album;
import dev.weft.bench.jdbc.Rows.Artist;
import dev.weft.bench.jdbc.Rows.Book;
import dev.weft.bench.jdbc.Rows.Playlist;
import dev.weft.bench.jdbc.Rows.Track;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written JDBC, the limit the others are measured against: one connection, every statement prepared once
 * and reused, columns read by index, rows mapped to plain objects.
 */
public final class JdbcContender implements Contender {

    private static final String TRACK_COLUMNS =
            "t.TrackId, t.Name, t.AlbumId, t.MediaTypeId, t.GenreId, t.Composer, t.Milliseconds, t.Bytes, t.UnitPrice";

    private final Connection connection;
    private final PreparedStatement trackById;
    private final PreparedStatement filteredTracks;
    private final PreparedStatement tracksWithAlbumAndArtist;
    private final PreparedStatement tracksWithAlbum;
    private final PreparedStatement albums;
    private final PreparedStatement tracksOfAlbums;
    private final PreparedStatement playlists;
    private final PreparedStatement tracksOfPlaylists;
    private final PreparedStatement tracksByArtistPrefix;
    private final PreparedStatement tracksByPlaylistName;
    private final PreparedStatement insertAuthor;
    private final PreparedStatement insertBook;
    private final PreparedStatement firstBooks;
    private final PreparedStatement updatePages;
    private final PreparedStatement insertCategory;
    private final PreparedStatement insertLink;
    private final PreparedStatement deleteCategory;

    public JdbcContender(Path file, boolean chinook) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(3000);
        config.setGetGeneratedKeys(false);   // keys come from RETURNING
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            if (chinook) {
                trackById = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " FROM Track t WHERE t.TrackId = ?");
                filteredTracks = connection.prepareStatement(
                        "SELECT " + TRACK_COLUMNS + " FROM Track t WHERE t.Milliseconds > ? ORDER BY t.Name LIMIT 1000");
                tracksWithAlbumAndArtist = connection.prepareStatement("SELECT " + TRACK_COLUMNS
                        + ", al.Title, al.ArtistId, ar.Name FROM Track t"
                        + " LEFT JOIN Album al ON al.AlbumId = t.AlbumId LEFT JOIN Artist ar ON ar.ArtistId = al.ArtistId"
                        + " ORDER BY t.TrackId LIMIT 1000");
                tracksWithAlbum = connection.prepareStatement("SELECT " + TRACK_COLUMNS + ", al.Title, al.ArtistId FROM Track t"
                        + " LEFT JOIN Album al ON al.AlbumId = t.AlbumId ORDER BY t.TrackId LIMIT 1000");
                albums = connection.prepareStatement("SELECT AlbumId, Title, ArtistId FROM Album");
                tracksOfAlbums = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " FROM Track t WHERE t.AlbumId IS NOT NULL");
                playlists = connection.prepareStatement("SELECT PlaylistId, Name FROM Playlist");
                tracksOfPlaylists = connection.prepareStatement("SELECT pt.PlaylistId, " + TRACK_COLUMNS
                        + " FROM PlaylistTrack pt JOIN Track t ON t.TrackId = pt.TrackId");
                tracksByArtistPrefix = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " FROM Track t"
                        + " JOIN Album al ON al.AlbumId = t.AlbumId JOIN Artist ar ON ar.ArtistId = al.ArtistId"
                        + " WHERE ar.Name GLOB ?");
                tracksByPlaylistName = connection.prepareStatement("SELECT " + TRACK_COLUMNS + " FROM Track t"
                        + " WHERE t.TrackId IN (SELECT pt.TrackId FROM PlaylistTrack pt"
                        + " JOIN Playlist p ON p.PlaylistId = pt.PlaylistId WHERE p.Name = ?)");
            } else {   // no Chinook tables: only the library workloads run
                trackById = null;
                filteredTracks = null;
                tracksWithAlbumAndArtist = null;
                tracksWithAlbum = null;
                albums = null;
                tracksOfAlbums = null;
                playlists = null;
                tracksOfPlaylists = null;
                tracksByArtistPrefix = null;
                tracksByPlaylistName = null;
            }
            insertAuthor = connection.prepareStatement("INSERT INTO author (name, email) VALUES (?, ?) RETURNING id");
            insertBook = connection.prepareStatement(
                    "INSERT INTO book (title, author_id, pages, published_year) VALUES (?, ?, ?, ?)");
            firstBooks = connection.prepareStatement(
                    "SELECT id, title, author_id, pages, published_year FROM book ORDER BY id LIMIT 1000");
            updatePages = connection.prepareStatement("UPDATE book SET pages = ? WHERE id = ?");
            insertCategory = connection.prepareStatement("INSERT INTO category (name) VALUES (?) RETURNING id");
            insertLink = connection.prepareStatement("INSERT INTO book_category (category_id, book_id) VALUES (?, ?)");
            deleteCategory = connection.prepareStatement("DELETE FROM category WHERE id = ?");
        } catch (SQLException e) {
            throw new IllegalStateException("JDBC contender: " + e.getMessage(), e);
        }
    }

    /** Maps the nine track columns starting at {@code from}. */
    private static Track track(ResultSet rs, int from) throws SQLException {
        Track t = new Track();
        t.id = rs.getLong(from);
        t.name = rs.getString(from + 1);
        long albumId = rs.getLong(from + 2);
        t.albumId = rs.wasNull() ? null : albumId;
        t.mediaTypeId = rs.getLong(from + 3);
        long genreId = rs.getLong(from + 4);
        t.genreId = rs.wasNull() ? null : genreId;
        t.composer = rs.getString(from + 5);
        t.milliseconds = rs.getLong(from + 6);
        long bytes = rs.getLong(from + 7);
        t.bytes = rs.wasNull() ? null : bytes;
        t.unitPrice = rs.getBigDecimal(from + 8);
        return t;
    }

    private static List<Track> tracks(PreparedStatement statement) throws SQLException {
        List<Track> tracks = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tracks.add(track(rs, 1));
            }
        }
        return tracks;
    }

    @Override
    public int getByIdCold(long trackId) {
        try {
            trackById.setLong(1, trackId);
            try (ResultSet rs = trackById.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no track " + trackId);
                }
                return track(rs, 1).name.length();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int getByIdWarm(long trackId) {
        return getByIdCold(trackId);   // no identity map: the same statement again
    }

    @Override
    public int filteredList() {
        try {
            filteredTracks.setLong(1, Workloads.MIN_MILLISECONDS);
            int sum = 0;
            for (Track t : tracks(filteredTracks)) {
                sum += (int) t.id;
            }
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int tracksWithAlbumAndArtist() {
        try (ResultSet rs = tracksWithAlbumAndArtist.executeQuery()) {
            int sum = 0;
            while (rs.next()) {
                Track t = track(rs, 1);
                if (t.albumId != null) {
                    Album album = new Album();
                    album.id = t.albumId;
                    album.title = rs.getString(10);
                    album.artistId = rs.getLong(11);
                    Artist artist = new Artist();
                    artist.id = album.artistId;
                    artist.name = rs.getString(12);
                    album.artist = artist;
                    t.album = album;
                    sum += t.album.artist.name == null ? 0 : t.album.artist.name.length();
                }
            }
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int lazyLoop() {
        try (ResultSet rs = tracksWithAlbum.executeQuery()) {
            int sum = 0;
            while (rs.next()) {
                Track t = track(rs, 1);
                if (t.albumId != null) {
                    Album album = new Album();
                    album.id = t.albumId;
                    album.title = rs.getString(10);
                    album.artistId = rs.getLong(11);
                    t.album = album;
                    sum += t.album.title.length();
                }
            }
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int albumsWithTracks() {
        try {
            Map<Long, Album> byId = new HashMap<>();
            try (ResultSet rs = albums.executeQuery()) {
                while (rs.next()) {
                    Album album = new Album();
                    album.id = rs.getLong(1);
                    album.title = rs.getString(2);
                    album.artistId = rs.getLong(3);
                    byId.put(album.id, album);
                }
            }
            int count = 0;
            for (Track t : tracks(tracksOfAlbums)) {
                Album album = byId.get(t.albumId);
                t.album = album;
                album.tracks.add(t);
                count++;
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int playlistsWithTracks() {
        try {
            Map<Long, Playlist> byId = new HashMap<>();
            try (ResultSet rs = playlists.executeQuery()) {
                while (rs.next()) {
                    Playlist playlist = new Playlist();
                    playlist.id = rs.getLong(1);
                    playlist.name = rs.getString(2);
                    byId.put(playlist.id, playlist);
                }
            }
            Map<Long, Track> tracks = new HashMap<>();
            int count = 0;
            try (ResultSet rs = tracksOfPlaylists.executeQuery()) {
                while (rs.next()) {
                    long trackId = rs.getLong(2);
                    Track t = tracks.get(trackId);
                    if (t == null) {
                        t = track(rs, 2);
                        tracks.put(trackId, t);
                    }
                    byId.get(rs.getLong(1)).tracks.add(t);
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int filterAcrossToOne() {
        try {
            tracksByArtistPrefix.setString(1, Workloads.ARTIST_PREFIX + "*");
            return tracks(tracksByArtistPrefix).size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int filterAcrossManyToMany() {
        try {
            tracksByPlaylistName.setString(1, Workloads.PLAYLIST);
            return tracks(tracksByPlaylistName).size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int insertBooksWithAuthors() {
        return inTransaction(() -> {
            for (int i = 0; i < 1_000; i++) {
                insertAuthor.setString(1, "New author " + i);
                insertAuthor.setString(2, "new" + i + "@example.org");
                long authorId;
                try (ResultSet rs = insertAuthor.executeQuery()) {
                    rs.next();
                    authorId = rs.getLong(1);
                }
                insertBook.setString(1, "New book " + i);
                insertBook.setLong(2, authorId);
                insertBook.setInt(3, 300);
                insertBook.setInt(4, 2024);
                insertBook.addBatch();
            }
            return insertBook.executeBatch().length;
        });
    }

    @Override
    public int updateBooks() {
        try {
            List<Book> books = new ArrayList<>(1_000);
            try (ResultSet rs = firstBooks.executeQuery()) {
                while (rs.next()) {
                    Book b = new Book();
                    b.id = rs.getLong(1);
                    b.title = rs.getString(2);
                    b.authorId = rs.getLong(3);
                    b.pages = rs.getInt(4);
                    b.publishedYear = rs.getInt(5);
                    books.add(b);
                }
            }
            return inTransaction(() -> {
                for (Book b : books) {
                    b.pages++;
                    updatePages.setInt(1, b.pages);
                    updatePages.setLong(2, b.id);
                    updatePages.addBatch();
                }
                return updatePages.executeBatch().length;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int linkAndDeleteCategory() {
        long categoryId = inTransaction(() -> {
            insertCategory.setString(1, "Linked");
            long id;
            try (ResultSet rs = insertCategory.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            for (long bookId = 1; bookId <= 1_000; bookId++) {
                insertLink.setLong(1, id);
                insertLink.setLong(2, bookId);
                insertLink.addBatch();
            }
            insertLink.executeBatch();
            return id;
        });
        inTransaction(() -> {
            deleteCategory.setLong(1, categoryId);
            return deleteCategory.executeUpdate();   // ON DELETE CASCADE removes the links
        });
        return 1_000;
    }

    private interface Work<R> {
        R run() throws SQLException;
    }

    private <R> R inTransaction(Work<R> work) {
        try {
            connection.setAutoCommit(false);
            try {
                R result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
