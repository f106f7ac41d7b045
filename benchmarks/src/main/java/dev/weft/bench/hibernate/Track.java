package dev.weft.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** To-one associations are LAZY, as Hibernate's documentation recommends for every association. */
@Entity
@Table(name = "Track")
public class Track {
    @Id
    @Column(name = "TrackId")
    private long id;
    @Column(name = "Name", nullable = false)
    private String name;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "AlbumId")
    private Album album;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "MediaTypeId")
    private MediaType mediaType;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "GenreId")
    private Genre genre;
    @Column(name = "Composer")
    private String composer;
    @Column(name = "Milliseconds")
    private long milliseconds;
    @Column(name = "Bytes")
    private Long bytes;
    @Column(name = "UnitPrice", nullable = false)
    private BigDecimal unitPrice;
    @ManyToMany(mappedBy = "tracks")
    private List<Playlist> playlists = new ArrayList<>();

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Album getAlbum() {
        return album;
    }

    public long getMilliseconds() {
        return milliseconds;
    }
}
