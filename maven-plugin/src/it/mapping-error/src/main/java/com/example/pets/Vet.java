package com.example.pets;

import dev.weft.Entity;

/** Wrong: no @Id. */
@Entity
public class Vet {
    public String name;
}
