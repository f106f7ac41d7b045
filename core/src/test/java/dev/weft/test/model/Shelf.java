package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** Two collection fields over the same key: every item, and the same items ordered by label. */
@Entity
public class Shelf {
    @Id public long id;
    public String name;
    @OneToMany(mappedBy = "shelf")
    public List<Item> items = new ArrayList<>();
    @OneToMany(mappedBy = "shelf", orderBy = "label")
    public List<Item> byLabel = new ArrayList<>();

    public Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }
}
