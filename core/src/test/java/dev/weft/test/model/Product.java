package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

import java.time.LocalDate;

/** A flat entity for query tests: nullable and not-null columns of several types. */
@Entity
public class Product {
    @Id public long id;
    public String name;
    public Integer stock;
    public double price;
    public LocalDate released;
    public Color color;
    public boolean active;

    public Product() {
    }

    public Product(String name) {
        this.name = name;
    }

    public Product(String name, Integer stock, double price, LocalDate released, Color color, boolean active) {
        this.name = name;
        this.stock = stock;
        this.price = price;
        this.released = released;
        this.color = color;
        this.active = active;
    }
}
