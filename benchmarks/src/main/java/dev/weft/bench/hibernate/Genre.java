package dev.weft.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "Genre")
public class Genre {
    @Id
    @Column(name = "GenreId")
    private long id;
    @Column(name = "Name")
    private String name;

    public String getName() {
        return name;
    }
}
