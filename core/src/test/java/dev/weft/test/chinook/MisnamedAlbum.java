package dev.weft.test.chinook;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

/** Maps a column Chinook does not have. */
@Entity(table = "Album")
public class MisnamedAlbum {
    @Id(column = "AlbumId") public long id;
    @Column(name = "Titel") public String title;
}
