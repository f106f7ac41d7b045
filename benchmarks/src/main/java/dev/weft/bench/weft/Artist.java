package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

@Entity(table = "Artist")
public class Artist {
    @Id(column = "ArtistId") public long id;
    @Column(name = "Name") public String name;
}
