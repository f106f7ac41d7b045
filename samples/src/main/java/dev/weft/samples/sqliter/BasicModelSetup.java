package dev.weft.samples.sqliter;

import dev.weft.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * PRD "Usage Examples", section 1, "Basic Model Setup and Relationships": one-to-many
 * ({@link Author} -> {@link Book}), one-to-one ({@link User} -> {@link Profile}) and many-to-many
 * ({@link Book} <-> {@link Category}), declared as plain annotated classes in this package. Creating their
 * tables creates the foreign keys with their actions, an index on every foreign-key column, the
 * {@code UNIQUE} column of the one-to-one and the junction table of the many-to-many.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.weft.samples.sqliter.BasicModelSetup}
 */
public final class BasicModelSetup {

    private BasicModelSetup() {
    }

    public static void main(String[] args) {
        List<String> statements = new ArrayList<>();
        try (Database db = Database.builder().inMemory().onStatement(statements::add).build()) {
            createTables(db);
        }
        statements.stream().filter(sql -> sql.startsWith("CREATE")).forEach(System.out::println);
    }

    /**
     * Creates the tables of every model of the PRD's usage examples (idempotent). {@link Tag} is the
     * model of section 6, which {@link Book#tags} reaches anyway.
     */
    public static void createTables(Database db) {
        db.createTables(Author.class, Book.class, User.class, Profile.class, Category.class, Tag.class);
    }
}
