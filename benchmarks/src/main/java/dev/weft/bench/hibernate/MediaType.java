package dev.weft.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "MediaType")
public class MediaType {
    @Id
    @Column(name = "MediaTypeId")
    private long id;
    @Column(name = "Name")
    private String name;

    public String getName() {
        return name;
    }
}
