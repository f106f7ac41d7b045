package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Finder;

import java.time.Instant;

/** An active-record entity whose id and {@code created_at} come from {@link Audited}, which extends Model. */
@Entity
public class Memo extends Audited<Memo> {
    public static final Finder<Memo> objects = Finder.of(Memo.class);

    public String text;

    public Memo() {
    }

    public Memo(String text, Instant createdAt) {
        this.text = text;
        this.createdAt = createdAt;
    }
}
