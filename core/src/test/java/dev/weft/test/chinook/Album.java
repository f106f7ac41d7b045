package dev.weft.test.chinook;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

@Entity(table = "Album")
public class Album {
    @Id(column = "AlbumId") public long id;
    @Column(name = "Title", nullable = false) public String title;
    @ForeignKey(column = "ArtistId") public Artist artist;
}
