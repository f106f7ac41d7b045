package dev.weft.internal.types;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The column types Weft supports, by Java type. Temporal values are stored as text in SQLite's own
 * formats so that SQLite's date functions and text comparison order them correctly.
 */
public final class ColumnTypes {

    private static final DateTimeFormatter DATE_TIME_WRITE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter DATE_TIME_READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter();

    private static final ColumnType LONG = new IntegerType(long.class);
    private static final ColumnType INT = new IntegerType(int.class);
    private static final ColumnType SHORT = new IntegerType(short.class);
    private static final ColumnType BYTE = new IntegerType(byte.class);

    private static final Map<Class<?>, ColumnType> BY_TYPE = Map.ofEntries(
            Map.entry(long.class, LONG), Map.entry(Long.class, LONG),
            Map.entry(int.class, INT), Map.entry(Integer.class, INT),
            Map.entry(short.class, SHORT), Map.entry(Short.class, SHORT),
            Map.entry(byte.class, BYTE), Map.entry(Byte.class, BYTE),
            Map.entry(boolean.class, new BooleanType()), Map.entry(Boolean.class, new BooleanType()),
            Map.entry(double.class, new RealType(double.class)), Map.entry(Double.class, new RealType(Double.class)),
            Map.entry(float.class, new RealType(float.class)), Map.entry(Float.class, new RealType(Float.class)),
            Map.entry(char.class, new CharType()), Map.entry(Character.class, new CharType()),
            Map.entry(String.class, new StringType()),
            Map.entry(byte[].class, new BytesType()),
            Map.entry(BigDecimal.class, new TextType<>(BigDecimal.class, BigDecimal::toString, BigDecimal::new)),
            Map.entry(UUID.class, new TextType<>(UUID.class, UUID::toString, UUID::fromString)),
            Map.entry(LocalDate.class, new TextType<>(LocalDate.class, LocalDate::toString, LocalDate::parse)),
            Map.entry(LocalDateTime.class, new TextType<>(LocalDateTime.class,
                    DATE_TIME_WRITE::format, text -> LocalDateTime.parse(text, DATE_TIME_READ))),
            Map.entry(Instant.class, new TextType<>(Instant.class,
                    instant -> DATE_TIME_WRITE.format(instant.atOffset(ZoneOffset.UTC)),
                    text -> LocalDateTime.parse(text, DATE_TIME_READ).toInstant(ZoneOffset.UTC))));

    private ColumnTypes() {
    }

    /** The column type for a field of the given Java type, if Weft supports it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Optional<ColumnType> forJavaType(Class<?> type) {
        if (type.isEnum()) {
            return Optional.of(new EnumType(type));
        }
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Names of the supported types, for error messages. */
    public static String supportedTypes() {
        return "primitives and their boxes, String, BigDecimal, byte[], UUID, enums, LocalDate, LocalDateTime, Instant";
    }

    /** An integer column read into a field of {@code javaType}: long, int, short or byte. */
    private record IntegerType(Class<?> javaType) implements ColumnType {
        @Override
        public String sqlType() {
            return "INTEGER";
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            if (value instanceof Long || value instanceof Integer) {
                // The value is boxed already (a snapshot's, a field's read through its access); the driver keeps
                // the box it is given, where setLong has it make another (sqlite-jdbc): 16 bytes per bound value.
                statement.setObject(index, value);
            } else {
                statement.setLong(index, ((Number) value).longValue());
            }
        }

        @Override
        public Object stored(Object value) {
            return ((Number) value).longValue();
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            long value = row.getLong(index);
            if (value == 0 && row.wasNull()) {
                return null;
            }
            // Narrowed here, not by a function per width: a shared call site would not inline one, and would box
            // the value twice.
            if (javaType == long.class) {
                return value;
            }
            return javaType == int.class ? (Object) (int) value : javaType == short.class ? (Object) (short) value
                    : (Object) (byte) value;
        }
    }

    private static final class BooleanType implements ColumnType {
        @Override
        public String sqlType() {
            return "INTEGER";
        }

        @Override
        public Class<?> javaType() {
            return Boolean.class;
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setInt(index, (Boolean) value ? 1 : 0);
        }

        @Override
        public Object stored(Object value) {
            return (Boolean) value ? 1L : 0L;
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            long value = row.getLong(index);
            return value == 0 && row.wasNull() ? null : value != 0;
        }
    }

    private record RealType(Class<?> javaType) implements ColumnType {
        @Override
        public String sqlType() {
            return "REAL";
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setDouble(index, ((Number) value).doubleValue());
        }

        @Override
        public Object stored(Object value) {
            return ((Number) value).doubleValue();
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            double value = row.getDouble(index);
            if (value == 0 && row.wasNull()) {
                return null;
            }
            return javaType == float.class || javaType == Float.class ? (Object) (float) value : (Object) value;
        }
    }

    private static final class CharType implements ColumnType {
        @Override
        public String sqlType() {
            return "TEXT";
        }

        @Override
        public Class<?> javaType() {
            return Character.class;
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setString(index, value.toString());
        }

        @Override
        public Object stored(Object value) {
            return value.toString();
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            String value = text.text(row, index);
            return value == null || value.isEmpty() ? null : value.charAt(0);
        }
    }

    private static final class StringType implements ColumnType {
        @Override
        public String sqlType() {
            return "TEXT";
        }

        @Override
        public Class<?> javaType() {
            return String.class;
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setString(index, (String) value);
        }

        @Override
        public Object stored(Object value) {
            return value;
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            return text.text(row, index);
        }
    }

    private static final class BytesType implements ColumnType {
        @Override
        public String sqlType() {
            return "BLOB";
        }

        @Override
        public Class<?> javaType() {
            return byte[].class;
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setBytes(index, (byte[]) value);
        }

        @Override
        public Object stored(Object value) {
            return value;
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            byte[] value = row.getBytes(index);
            // sqlite-jdbc reads an empty BLOB as null; tell the two apart by the column's type.
            if (value == null && row.getObject(index) != null) {
                return new byte[0];
            }
            return value;
        }
    }

    /** A value kept as text in a fixed format: exact for decimals, ordered for dates. */
    private record TextType<V>(Class<V> javaType, Function<V, String> format, Function<String, V> parse)
            implements ColumnType {
        @Override
        public String sqlType() {
            return "TEXT";
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setString(index, format.apply(javaType.cast(value)));
        }

        @Override
        public Object stored(Object value) {
            return format.apply(javaType.cast(value));
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            String value = text.text(row, index);
            return value == null ? null : parse.apply(value);
        }
    }

    private record EnumType<E extends Enum<E>>(Class<E> javaType) implements ColumnType {
        @Override
        public String sqlType() {
            return "TEXT";
        }

        @Override
        public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setString(index, ((Enum<?>) value).name());
        }

        @Override
        public Object stored(Object value) {
            return ((Enum<?>) value).name();
        }

        @Override
        public Object read(ResultSet row, int index, TextReader text) throws SQLException {
            String name = text.text(row, index);
            return name == null ? null : Enum.valueOf(javaType, name);
        }
    }

    /** Every value of the first column of a result, read as {@code type}, its text through {@code text}. */
    public static List<Object> readAll(ResultSet rows, ColumnType type, TextReader text) throws SQLException {
        List<Object> values = new ArrayList<>();
        while (rows.next()) {
            values.add(type.read(rows, 1, text));
        }
        return values;
    }

    /** Binds SQL {@code NULL}; SQLite ignores the declared type. */
    public static void bindNull(PreparedStatement statement, int index) throws SQLException {
        statement.setNull(index, Types.NULL);
    }
}
