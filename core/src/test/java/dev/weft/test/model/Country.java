package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

/** A String id assigned by the application, in a custom id column. */
@Entity
public class Country {
    @Id(column = "iso_code") public String code;
    public String name;

    public Country() {
    }

    public Country(String code, String name) {
        this.code = code;
        this.name = name;
    }
}
