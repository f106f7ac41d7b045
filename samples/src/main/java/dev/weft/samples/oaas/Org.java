package dev.weft.samples.oaas;

import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.OneToOne;

/**
 * The proposal's {@code Org} service: {@code logo: oaas.OneToOne[Logo](nullable=True, backref="org")}.
 * Column {@code logo_id}, nullable and {@code UNIQUE}: only one org can hold a given logo at a time.
 */
@Entity
public class Org {
    @Id public long id;
    public String name;

    @OneToOne(nullable = true, backref = "org")
    public Logo logo;

    /** For loading rows. */
    public Org() {
    }

    public Org(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
