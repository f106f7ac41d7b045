package dev.weft.bench.ebean;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "Artist")
public class Artist {
    @Id
    @Column(name = "ArtistId")
    private long id;
    @Column(name = "Name")
    private String name;

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
