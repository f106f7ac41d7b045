package dev.weft.test.model;

import dev.weft.Entity;

import java.time.Instant;

/** Takes its id and {@code created_at} column from {@link Timestamped}. */
@Entity
public class Note extends Timestamped {
    public String body;

    public Note() {
    }

    public Note(String body, Instant createdAt) {
        this.body = body;
        this.createdAt = createdAt;
    }
}
