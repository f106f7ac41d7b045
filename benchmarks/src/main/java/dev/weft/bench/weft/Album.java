package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

import java.util.List;

@Entity(table = "Album")
public class Album {
    @Id(column = "AlbumId") public long id;
    @Column(name = "Title", nullable = false) public String title;
    @ForeignKey(column = "ArtistId") public Artist artist;
    /** Inverse of {@link Track#album}. */
    public List<Track> tracks;
}
