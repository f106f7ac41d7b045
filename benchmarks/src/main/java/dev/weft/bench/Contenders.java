package dev.weft.bench;

import dev.weft.bench.ebean.EbeanContender;
import dev.weft.bench.hibernate.HibernateContender;
import dev.weft.bench.jdbc.JdbcContender;
import dev.weft.bench.weft.WeftContender;

import java.nio.file.Path;
import java.util.List;

/** The contenders by name, as they appear in the results. */
public final class Contenders {

    /** Every contender, in the order of the results table. */
    public static final List<String> NAMES = List.of("jdbc", "weft", "hibernate", "hibernate-batch", "ebean");

    private Contenders() {
    }

    /** Opens the named contender on the SQLite file, which holds Chinook's tables if {@code chinook}. */
    public static Contender open(String name, Path file, boolean chinook) {
        return switch (name) {
            case "jdbc" -> new JdbcContender(file, chinook);
            case "weft" -> new WeftContender(file, chinook);
            case "hibernate" -> new HibernateContender(file, false);
            case "hibernate-batch" -> new HibernateContender(file, true);
            case "ebean" -> new EbeanContender(file);
            default -> throw new IllegalArgumentException("Unknown contender '" + name + "'; known: " + NAMES);
        };
    }
}
