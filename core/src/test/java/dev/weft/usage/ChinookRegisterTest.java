package dev.weft.usage;

import dev.weft.Database;
import dev.weft.MappingException;
import dev.weft.RestrictViolationException;
import dev.weft.test.Sqlite;
import dev.weft.test.chinook.Album;
import dev.weft.test.chinook.Artist;
import dev.weft.test.chinook.ChinookScript;
import dev.weft.test.chinook.Customer;
import dev.weft.test.chinook.Employee;
import dev.weft.test.chinook.Genre;
import dev.weft.test.chinook.Invoice;
import dev.weft.test.chinook.InvoiceLine;
import dev.weft.test.chinook.MediaType;
import dev.weft.test.chinook.MisnamedAlbum;
import dev.weft.test.chinook.Playlist;
import dev.weft.test.chinook.Track;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code register} on a real schema nobody here designed: Chinook's PascalCase names, key columns that
 * are not {@code <field>_id}, a self-reference, nullable keys, a composite-key junction, TEXT dates and
 * NUMERIC prices. Skipped when the dataset is not beside the checkout.
 */
class ChinookRegisterTest {

    @TempDir
    Path dir;
    private Path file;
    private Database db;
    private final List<String> statements = new ArrayList<>();

    @BeforeEach
    void loadChinook() {
        file = dir.resolve("chinook.db");
        ChinookScript.loadInto(file);
        db = Database.builder().path(file).onStatement(statements::add).build();
        db.register(Artist.class, Album.class, Genre.class, MediaType.class, Track.class, Playlist.class,
                Employee.class, Customer.class, Invoice.class, InvoiceLine.class);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private long number(String sql) {
        return ((Number) Sqlite.scalar(file, sql)).longValue();
    }

    @Test
    void registeringExistingTablesCreatesNothing() {
        assertTrue(statements.stream().noneMatch(sql -> sql.startsWith("CREATE")), statements::toString);
    }

    @Test
    void countsMatchTheDataset() {
        assertEquals(275, db.select(Artist.class).count());
        assertEquals(347, db.select(Album.class).count());
        assertEquals(3503, db.select(Track.class).count());
        assertEquals(412, db.select(Invoice.class).count());
        assertEquals(2240, db.select(InvoiceLine.class).count());
    }

    @Test
    void trackRoundTripsKeysPricesAndNullableColumns() {
        Track track = db.get(Track.class, 1L);

        assertEquals("For Those About To Rock (We Salute You)", track.name);
        assertEquals(1L, track.album.id);
        assertEquals(1L, track.genre.id);
        assertEquals(new BigDecimal("0.99"), track.unitPrice);
        assertEquals(number("SELECT Milliseconds FROM Track WHERE TrackId = 1"), track.milliseconds);
    }

    @Test
    void textDatesReadAsLocalDateTime() {
        Invoice invoice = db.get(Invoice.class, 1L);

        assertEquals(LocalDateTime.of(2021, 1, 1, 0, 0), invoice.invoiceDate);
        assertEquals(new BigDecimal("1.98"), invoice.total);
    }

    @Test
    void selfReferenceIsNullForTheTopOfTheHierarchy() {
        List<Employee> top = db.select(Employee.class).filter("reportsTo__isnull", true).fetchAll();

        assertEquals(1, top.size());
        assertNull(top.get(0).reportsTo);
        assertEquals(top.get(0).id, db.get(Employee.class, 2L).reportsTo.id);
    }

    @Test
    void filtersByForeignKeyMatchPlainSql() {
        Album album = db.get(Album.class, 1L);

        assertEquals(number("SELECT COUNT(*) FROM Track WHERE AlbumId = 1"),
                db.select(Track.class).filter("album", album).count());
        assertEquals(number("SELECT COUNT(*) FROM Track WHERE GenreId IS NULL"),
                db.select(Track.class).filter("genre__isnull", true).count());
        assertEquals(number("SELECT COUNT(*) FROM Invoice WHERE InvoiceDate >= '2024-01-01'"),
                db.select(Invoice.class).filter("invoiceDate__ge", LocalDateTime.of(2024, 1, 1, 0, 0)).count());
    }

    @Test
    void writesRespectTheExistingSchema() {
        Artist artist = new Artist();
        artist.name = "Weft Quartet";
        db.save(artist);
        Album album = new Album();
        album.title = "Interlace";
        album.artist = artist;
        db.save(album);

        assertEquals("Interlace", Sqlite.scalar(file, "SELECT Title FROM Album WHERE ArtistId = ?", artist.id));
        assertThrows(RestrictViolationException.class, () -> db.delete(artist));
    }

    @Test
    void mappingAColumnTheTableLacksNamesIt() {
        MappingException error = assertThrows(MappingException.class, () -> db.register(MisnamedAlbum.class));

        assertTrue(error.getMessage().contains("Titel") && error.getMessage().contains("Album"), error.getMessage());
    }
}
