package com.example.pets;

import dev.weft.Action;
import dev.weft.Entity;
import dev.weft.ForeignKey;
import dev.weft.Id;

@Entity
public class Pet {
    @Id public long id;
    public String name;
    /** Wrong: SET_NULL on a key that is not nullable (nullable = false is the default). */
    @ForeignKey(onDelete = Action.SET_NULL) public Owner owner;
}
