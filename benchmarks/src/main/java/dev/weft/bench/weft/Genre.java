package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

@Entity(table = "Genre")
public class Genre {
    @Id(column = "GenreId") public long id;
    @Column(name = "Name") public String name;
}
