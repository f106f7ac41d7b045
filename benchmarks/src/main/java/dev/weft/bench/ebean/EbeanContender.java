package dev.weft.bench.ebean;

import dev.weft.bench.Contender;
import dev.weft.bench.SqliteFile;
import dev.weft.bench.Workloads;

import io.ebean.Database;
import io.ebean.Transaction;
import io.ebean.datasource.DataSourceBuilder;
import io.ebean.platform.sqlite.SQLitePlatform;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Ebean 17 as its documentation shows it: entities enhanced at build time (ebean-maven-plugin), queries outside
 * a transaction get a new persistence context, {@code fetch} loads associations with the rows, {@code saveAll}
 * batches writes, lazy loading in batches by default.
 */
public final class EbeanContender implements Contender {

    private final Database db;
    /** The long-lived transaction whose persistence context the warm get-by-id reads from. */
    private final Transaction warm;

    public EbeanContender(Path file) {
        db = Database.builder()
                .name("bench")
                .dataSourceBuilder(DataSourceBuilder.create()
                        .url(SqliteFile.url(file))
                        .username("sqlite")
                        .password("")
                        .driver("org.sqlite.JDBC")
                        .isolationLevel(Connection.TRANSACTION_SERIALIZABLE)
                        .minConnections(1)
                        .maxConnections(2))
                .databasePlatform(new SQLitePlatform())
                .ddlGenerate(false)
                .ddlRun(false)
                .register(false)
                .defaultDatabase(false)
                .loadModuleInfo(false)
                .addClass(Artist.class).addClass(Album.class).addClass(Genre.class).addClass(MediaType.class)
                .addClass(Track.class).addClass(Playlist.class)
                .addClass(Author.class).addClass(Book.class).addClass(Category.class)
                .build();
        warm = db.createTransaction();
    }

    @Override
    public int getByIdCold(long trackId) {
        return db.find(Track.class, trackId).getName().length();
    }

    @Override
    public int getByIdWarm(long trackId) {
        return db.find(Track.class).setId(trackId).usingTransaction(warm).findOne().getName().length();
    }

    @Override
    public int filteredList() {
        List<Track> tracks = db.find(Track.class)
                .where().gt("milliseconds", Workloads.MIN_MILLISECONDS)
                .orderBy("name")
                .setMaxRows(1_000)
                .findList();
        int sum = 0;
        for (Track t : tracks) {
            sum += (int) t.getId();
        }
        return sum;
    }

    @Override
    public int tracksWithAlbumAndArtist() {
        List<Track> tracks = db.find(Track.class)
                .fetch("album")
                .fetch("album.artist")
                .orderBy("id")
                .setMaxRows(1_000)
                .findList();
        int sum = 0;
        for (Track t : tracks) {
            if (t.getAlbum() != null) {
                String name = t.getAlbum().getArtist().getName();
                sum += name == null ? 0 : name.length();
            }
        }
        return sum;
    }

    @Override
    public int lazyLoop() {
        List<Track> tracks = db.find(Track.class).orderBy("id").setMaxRows(1_000).findList();
        int sum = 0;
        for (Track t : tracks) {
            if (t.getAlbum() != null) {
                sum += t.getAlbum().getTitle().length();
            }
        }
        return sum;
    }

    @Override
    public int albumsWithTracks() {
        int count = 0;
        for (Album album : db.find(Album.class).fetch("tracks").findList()) {
            count += album.getTracks().size();
        }
        return count;
    }

    @Override
    public int playlistsWithTracks() {
        int count = 0;
        for (Playlist playlist : db.find(Playlist.class).fetch("tracks").findList()) {
            count += playlist.getTracks().size();
        }
        return count;
    }

    @Override
    public int filterAcrossToOne() {
        return db.find(Track.class).where().startsWith("album.artist.name", Workloads.ARTIST_PREFIX).findList().size();
    }

    @Override
    public int filterAcrossManyToMany() {
        return db.find(Track.class).where().eq("playlists.name", Workloads.PLAYLIST).findList().size();
    }

    @Override
    public int insertBooksWithAuthors() {
        List<Book> books = new ArrayList<>(1_000);
        for (int i = 0; i < 1_000; i++) {
            Author author = new Author("New author " + i, "new" + i + "@example.org");
            books.add(new Book("New book " + i, author, 300, 2024));
        }
        try (Transaction transaction = db.beginTransaction()) {
            // sqlite-jdbc returns no generated keys for a JDBC batch, so the new authors would get no ids: Ebean's
            // batching is turned off for these inserts (one statement each, keys read after each).
            transaction.setBatchMode(false);
            transaction.setBatchOnCascade(false);
            db.saveAll(books, transaction);   // cascades to the new authors
            transaction.commit();
        }
        return books.size();
    }

    @Override
    public int updateBooks() {
        List<Book> books = db.find(Book.class).orderBy("id").setMaxRows(1_000).findList();
        for (Book b : books) {
            b.setPages(b.getPages() + 1);
        }
        db.saveAll(books);   // only the changed column, in JDBC batches
        return books.size();
    }

    @Override
    public int linkAndDeleteCategory() {
        Category category = new Category("Linked");
        for (long id = 1; id <= 1_000; id++) {
            category.getBooks().add(db.reference(Book.class, id));
        }
        db.save(category);     // inserts the category, then its 1,000 intersection rows
        db.delete(category);   // deletes the intersection rows, then the category
        return 1_000;
    }

    @Override
    public void close() {
        warm.end();
        db.shutdown();
    }
}
