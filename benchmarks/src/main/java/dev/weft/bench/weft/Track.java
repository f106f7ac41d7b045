package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.math.BigDecimal;
import java.util.List;

@Entity(table = "Track")
public class Track {
    @Id(column = "TrackId") public long id;
    @Column(name = "Name", nullable = false) public String name;
    @ForeignKey(column = "AlbumId", nullable = true) public Album album;
    @ForeignKey(column = "MediaTypeId") public MediaType mediaType;
    @ForeignKey(column = "GenreId", nullable = true) public Genre genre;
    @Column(name = "Composer") public String composer;
    @Column(name = "Milliseconds") public long milliseconds;
    @Column(name = "Bytes") public Long bytes;
    @Column(name = "UnitPrice", nullable = false) public BigDecimal unitPrice;
    /** Inverse of {@link Playlist#tracks}. */
    public List<Playlist> playlists;
}
