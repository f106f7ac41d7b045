package dev.weft.samples;

import dev.weft.Database;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A fresh SQLite file per test, opened as a {@link Database} that records every statement it sends, and read
 * back through plain JDBC so that tests check what is really in the file, not what the objects say.
 *
 * <p>Declare a parameter of this type in a test of a class annotated
 * {@code @ExtendWith(SampleDb.Extension.class)}; it is closed and deleted after the test.
 */
public final class SampleDb implements AutoCloseable {

    private final Path dir;
    private final Path file;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final Database db;

    private SampleDb() throws IOException {
        this.dir = Files.createTempDirectory("weft-sample");
        this.file = dir.resolve("sample.db");
        this.db = Database.builder().path(file).onStatement(statements::add).build();
    }

    /** The database under test. */
    public Database db() {
        return db;
    }

    /** Every statement the database has sent so far, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** The statements the database sends while {@code work} runs. */
    public List<String> statementsDuring(Runnable work) {
        int before = statements.size();
        work.run();
        return List.copyOf(statements.subList(before, statements.size()));
    }

    /**
     * The rows {@code sql} returns, read with a separate JDBC connection; each row a list of its column values,
     * integers as {@code Long}.
     */
    public List<List<Object>> rows(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        Object value = rs.getObject(c);
                        row.add(value instanceof Integer i ? Long.valueOf(i) : value);   // as the long ids of the entities
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + " on " + file + ": " + e.getMessage(), e);
        }
    }

    /** The values of the first column of the rows {@code sql} returns. */
    public List<Object> column(String sql, Object... params) {
        return rows(sql, params).stream().map(row -> row.get(0)).toList();
    }

    /** The one value {@code sql} returns. */
    public Object value(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException(sql + " returned " + rows + ", not one value");
        }
        return rows.get(0).get(0);
    }

    /** How many rows the table has. */
    public long count(String table) {
        return ((Number) value("SELECT count(*) FROM \"" + table + "\"")).longValue();
    }

    /** The names of the tables in the file, sorted. */
    public List<String> tables() {
        return column("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
                .stream().map(String.class::cast).toList();
    }

    @Override
    public void close() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Supplies a fresh {@link SampleDb} to every test parameter of that type, and closes it after the test. */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SampleDb.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            try {
                SampleDb sample = new SampleDb();
                context.getStore(ExtensionContext.Namespace.create(SampleDb.class, context.getUniqueId()))
                        .put(parameter.getIndex(), sample);      // closed by JUnit after the test, as AutoCloseable
                return sample;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
