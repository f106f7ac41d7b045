package com.example.pets;

import dev.weft.Entity;
import dev.weft.Id;

@Entity
public class Owner {
    @Id public long id;
    public String name;
}
