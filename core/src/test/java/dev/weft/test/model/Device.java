package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

import java.util.UUID;

/** A UUID id assigned by the application. */
@Entity
public class Device {
    @Id public UUID id;
    public String label;

    public Device() {
    }

    public Device(UUID id, String label) {
        this.id = id;
        this.label = label;
    }
}
