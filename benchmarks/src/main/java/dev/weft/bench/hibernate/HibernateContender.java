package dev.weft.bench.hibernate;

import dev.weft.bench.Contender;
import dev.weft.bench.SqliteFile;
import dev.weft.bench.Workloads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.community.dialect.SQLiteDialect;

import java.nio.file.Path;
import java.util.List;

/**
 * Hibernate ORM 7 as its guides recommend: entities bytecode-enhanced at build time (hibernate-maven-plugin),
 * every association LAZY, a session per unit of work, JOIN FETCH to load associations with the rows, JDBC
 * batching for writes. {@code batchFetch} adds {@code hibernate.default_batch_fetch_size}, the documented cure
 * for the N+1 loads of lazy associations.
 */
public final class HibernateContender implements Contender {

    /** The value of {@code hibernate.default_batch_fetch_size} for the {@code hibernate-batch} contender. */
    public static final int BATCH_FETCH_SIZE = 16;

    /** Hibernate logs its start-up at INFO through java.util.logging; warnings are enough here. */
    private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /**
     * HikariCP, as Hibernate's documentation recommends over its built-in pool ("not intended for use in
     * production"), which also switched auto-commit off and on around every session: with sqlite-jdbc a real
     * {@code begin} and {@code commit} per unit of work, which the other contenders do not pay for reads.
     */
    private final HikariDataSource pool;
    private final SessionFactory sessions;
    /** The long-lived session whose persistence context the warm get-by-id reads from. */
    private final Session warm;

    public HibernateContender(Path file, boolean batchFetch) {
        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setJdbcUrl(SqliteFile.url(file));
        poolConfig.setMaximumPoolSize(2);
        pool = new HikariDataSource(poolConfig);
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Artist.class).addAnnotatedClass(Album.class).addAnnotatedClass(Genre.class)
                .addAnnotatedClass(MediaType.class).addAnnotatedClass(Track.class).addAnnotatedClass(Playlist.class)
                .addAnnotatedClass(Author.class).addAnnotatedClass(Book.class).addAnnotatedClass(Category.class)
                .setProperty(AvailableSettings.DIALECT, SQLiteDialect.class.getName())
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "none")
                .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
                .setProperty(AvailableSettings.ORDER_INSERTS, "true")
                .setProperty(AvailableSettings.ORDER_UPDATES, "true");
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool);
        if (batchFetch) {
            configuration.setProperty(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, String.valueOf(BATCH_FETCH_SIZE));
        }
        sessions = configuration.buildSessionFactory();
        warm = sessions.openSession();
    }

    @Override
    public int getByIdCold(long trackId) {
        return sessions.fromSession(s -> s.find(Track.class, trackId).getName().length());
    }

    @Override
    public int getByIdWarm(long trackId) {
        return warm.find(Track.class, trackId).getName().length();
    }

    @Override
    public int filteredList() {
        return sessions.fromSession(s -> {
            List<Track> tracks = s.createSelectionQuery(
                            "from Track t where t.milliseconds > :min order by t.name", Track.class)
                    .setParameter("min", Workloads.MIN_MILLISECONDS)
                    .setMaxResults(1_000)
                    .getResultList();
            int sum = 0;
            for (Track t : tracks) {
                sum += (int) t.getId();
            }
            return sum;
        });
    }

    @Override
    public int tracksWithAlbumAndArtist() {
        return sessions.fromSession(s -> {
            List<Track> tracks = s.createSelectionQuery(
                            "from Track t left join fetch t.album a left join fetch a.artist order by t.id", Track.class)
                    .setMaxResults(1_000)
                    .getResultList();
            int sum = 0;
            for (Track t : tracks) {
                if (t.getAlbum() != null) {
                    String name = t.getAlbum().getArtist().getName();
                    sum += name == null ? 0 : name.length();
                }
            }
            return sum;
        });
    }

    @Override
    public int lazyLoop() {
        return sessions.fromSession(s -> {
            List<Track> tracks = s.createSelectionQuery("from Track t order by t.id", Track.class)
                    .setMaxResults(1_000)
                    .getResultList();
            int sum = 0;
            for (Track t : tracks) {
                if (t.getAlbum() != null) {
                    sum += t.getAlbum().getTitle().length();
                }
            }
            return sum;
        });
    }

    @Override
    public int albumsWithTracks() {
        return sessions.fromSession(s -> {
            int count = 0;
            for (Album album : s.createSelectionQuery("from Album a left join fetch a.tracks", Album.class).getResultList()) {
                count += album.getTracks().size();
            }
            return count;
        });
    }

    @Override
    public int playlistsWithTracks() {
        return sessions.fromSession(s -> {
            int count = 0;
            for (Playlist playlist : s.createSelectionQuery("from Playlist p left join fetch p.tracks", Playlist.class)
                    .getResultList()) {
                count += playlist.getTracks().size();
            }
            return count;
        });
    }

    @Override
    public int filterAcrossToOne() {
        return sessions.fromSession(s -> s.createSelectionQuery(
                        "from Track t where t.album.artist.name like :prefix", Track.class)
                .setParameter("prefix", Workloads.ARTIST_PREFIX + "%")
                .getResultList()
                .size());
    }

    @Override
    public int filterAcrossManyToMany() {
        return sessions.fromSession(s -> s.createSelectionQuery(
                        "select distinct t from Track t join t.playlists p where p.name = :name", Track.class)
                .setParameter("name", Workloads.PLAYLIST)
                .getResultList()
                .size());
    }

    @Override
    public int insertBooksWithAuthors() {
        return sessions.fromTransaction(s -> {
            for (int i = 0; i < 1_000; i++) {
                Author author = new Author("New author " + i, "new" + i + "@example.org");
                s.persist(new Book("New book " + i, author, 300, 2024));   // cascades to the new author
            }
            return 1_000;
        });
    }

    @Override
    public int updateBooks() {
        return sessions.fromTransaction(s -> {
            List<Book> books = s.createSelectionQuery("from Book b order by b.id", Book.class)
                    .setMaxResults(1_000)
                    .getResultList();
            for (Book b : books) {
                b.setPages(b.getPages() + 1);
            }
            return books.size();   // flushed at commit by dirty checking
        });
    }

    @Override
    public int linkAndDeleteCategory() {
        long categoryId = sessions.fromTransaction(s -> {
            Category category = new Category("Linked");
            s.persist(category);
            for (long id = 1; id <= 1_000; id++) {
                category.getBooks().add(s.getReference(Book.class, id));
            }
            return category.getId();
        });
        sessions.inTransaction(s -> s.remove(s.find(Category.class, categoryId)));   // deletes its join rows first
        return 1_000;
    }

    @Override
    public void close() {
        warm.close();
        sessions.close();
        pool.close();
    }
}
