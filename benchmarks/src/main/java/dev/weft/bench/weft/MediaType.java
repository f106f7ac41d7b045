package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;

@Entity(table = "MediaType")
public class MediaType {
    @Id(column = "MediaTypeId") public long id;
    @Column(name = "Name") public String name;
}
