package dev.weft.usage;

import dev.weft.Database;
import dev.weft.WeftException;
import dev.weft.test.Databases;
import dev.weft.test.OnFile;
import dev.weft.test.Sqlite;
import dev.weft.test.WeftDatabaseExtension;
import dev.weft.test.model.AllTypes;
import dev.weft.test.model.Color;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every column type of the contract survives a save and a fresh load exactly. Each test saves, clears
 * the identity map so the load reads the row, and compares field by field.
 *
 * <p>Left out on purpose: NaN (SQLite stores a bound NaN as NULL, and the contract does not say what a
 * NaN in a NOT NULL column should do) and -0.0 (SQLite may store a whole REAL as an integer, dropping the
 * sign); both are noted as open questions in the findings.
 */
@ExtendWith(WeftDatabaseExtension.class)
class ColumnTypesTest {

    private static AllTypes roundTrip(Database db, AllTypes row) {
        db.createTables(AllTypes.class);
        db.save(row);
        db.clearCache();
        return db.get(AllTypes.class, row.id);
    }

    private static AllTypes typical() {
        AllTypes row = new AllTypes();
        row.primitiveBoolean = true;
        row.primitiveByte = 12;
        row.primitiveShort = 1234;
        row.primitiveInt = 123456;
        row.primitiveLong = 1234567890123L;
        row.primitiveFloat = 1.25f;
        row.primitiveDouble = 3.141592653589793;
        row.primitiveChar = 'x';
        row.boxedBoolean = false;
        row.boxedByte = (byte) -3;
        row.boxedShort = (short) -300;
        row.boxedInt = -70000;
        row.boxedLong = -5000000000L;
        row.boxedFloat = -0.5f;
        row.boxedDouble = 2.718281828459045;
        row.boxedChar = 'Z';
        row.text = "hello";
        row.decimal = new BigDecimal("12.50");
        row.bytes = new byte[] {1, 2, 3, (byte) 0xFF, 0};
        row.uuidValue = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        row.color = Color.GREEN;
        row.localDate = LocalDate.of(2024, 2, 29);
        row.localDateTime = LocalDateTime.of(2024, 2, 29, 13, 45, 30);
        row.instant = Instant.parse("2024-02-29T13:45:30Z");
        return row;
    }

    private static void assertSameValues(AllTypes expected, AllTypes actual) {
        assertEquals(expected.primitiveBoolean, actual.primitiveBoolean, "primitiveBoolean");
        assertEquals(expected.primitiveByte, actual.primitiveByte, "primitiveByte");
        assertEquals(expected.primitiveShort, actual.primitiveShort, "primitiveShort");
        assertEquals(expected.primitiveInt, actual.primitiveInt, "primitiveInt");
        assertEquals(expected.primitiveLong, actual.primitiveLong, "primitiveLong");
        assertEquals(Float.floatToIntBits(expected.primitiveFloat), Float.floatToIntBits(actual.primitiveFloat),
                "primitiveFloat " + expected.primitiveFloat + " vs " + actual.primitiveFloat);
        assertEquals(Double.doubleToLongBits(expected.primitiveDouble), Double.doubleToLongBits(actual.primitiveDouble),
                "primitiveDouble " + expected.primitiveDouble + " vs " + actual.primitiveDouble);
        assertEquals(expected.primitiveChar, actual.primitiveChar, "primitiveChar");
        assertEquals(expected.boxedBoolean, actual.boxedBoolean, "boxedBoolean");
        assertEquals(expected.boxedByte, actual.boxedByte, "boxedByte");
        assertEquals(expected.boxedShort, actual.boxedShort, "boxedShort");
        assertEquals(expected.boxedInt, actual.boxedInt, "boxedInt");
        assertEquals(expected.boxedLong, actual.boxedLong, "boxedLong");
        assertEquals(expected.boxedFloat, actual.boxedFloat, "boxedFloat");
        assertEquals(expected.boxedDouble, actual.boxedDouble, "boxedDouble");
        assertEquals(expected.boxedChar, actual.boxedChar, "boxedChar");
        assertEquals(expected.text, actual.text, "text");
        assertEquals(expected.decimal, actual.decimal, "decimal (BigDecimal.equals: value and scale)");
        assertArrayEquals(expected.bytes, actual.bytes, "bytes");
        assertEquals(expected.uuidValue, actual.uuidValue, "uuidValue");
        assertEquals(expected.color, actual.color, "color");
        assertEquals(expected.localDate, actual.localDate, "localDate");
        assertEquals(expected.localDateTime, actual.localDateTime, "localDateTime");
        assertEquals(expected.instant, actual.instant, "instant");
    }

    @Test
    void typicalValuesOfEveryTypeRoundTrip(Database db) {
        AllTypes row = typical();

        assertSameValues(row, roundTrip(db, row));
    }

    @Test
    void nullsOfEveryNullableTypeRoundTrip(Database db) {
        AllTypes row = new AllTypes();

        AllTypes loaded = roundTrip(db, row);

        assertSameValues(row, loaded);
        assertNull(loaded.boxedInt);
        assertNull(loaded.text);
        assertNull(loaded.decimal);
        assertNull(loaded.bytes);
        assertNull(loaded.uuidValue);
        assertNull(loaded.color);
        assertNull(loaded.localDate);
        assertNull(loaded.localDateTime);
        assertNull(loaded.instant);
    }

    @Test
    void largestValuesRoundTrip(Database db) {
        AllTypes row = typical();
        row.primitiveByte = Byte.MAX_VALUE;
        row.primitiveShort = Short.MAX_VALUE;
        row.primitiveInt = Integer.MAX_VALUE;
        row.primitiveLong = Long.MAX_VALUE;
        row.primitiveFloat = Float.MAX_VALUE;
        row.primitiveDouble = Double.MAX_VALUE;
        row.primitiveChar = Character.MAX_VALUE;
        row.boxedByte = Byte.MAX_VALUE;
        row.boxedShort = Short.MAX_VALUE;
        row.boxedInt = Integer.MAX_VALUE;
        row.boxedLong = Long.MAX_VALUE;
        row.boxedFloat = Float.MAX_VALUE;
        row.boxedDouble = Double.MAX_VALUE;

        assertSameValues(row, roundTrip(db, row));
    }

    @Test
    void smallestValuesRoundTrip(Database db) {
        AllTypes row = typical();
        row.primitiveByte = Byte.MIN_VALUE;
        row.primitiveShort = Short.MIN_VALUE;
        row.primitiveInt = Integer.MIN_VALUE;
        row.primitiveLong = Long.MIN_VALUE;
        row.primitiveFloat = -Float.MAX_VALUE;
        row.primitiveDouble = -Double.MAX_VALUE;
        row.primitiveChar = '\u0001';
        row.boxedByte = Byte.MIN_VALUE;
        row.boxedShort = Short.MIN_VALUE;
        row.boxedInt = Integer.MIN_VALUE;
        row.boxedLong = Long.MIN_VALUE;
        row.boxedFloat = Float.MIN_VALUE;
        row.boxedDouble = Double.MIN_VALUE;

        assertSameValues(row, roundTrip(db, row));
    }

    @Test
    void zerosAndFalseRoundTripAsValuesNotNulls(Database db) {
        AllTypes row = new AllTypes();
        row.boxedBoolean = false;
        row.boxedByte = 0;
        row.boxedShort = 0;
        row.boxedInt = 0;
        row.boxedLong = 0L;
        row.boxedFloat = 0f;
        row.boxedDouble = 0d;
        row.boxedChar = '0';
        row.text = "";
        row.bytes = new byte[0];
        row.decimal = BigDecimal.ZERO;

        assertSameValues(row, roundTrip(db, row));
    }

    @Test
    void infinitiesRoundTrip(Database db) {
        AllTypes row = typical();
        row.primitiveDouble = Double.POSITIVE_INFINITY;
        row.boxedDouble = Double.NEGATIVE_INFINITY;
        row.primitiveFloat = Float.NEGATIVE_INFINITY;
        row.boxedFloat = Float.POSITIVE_INFINITY;

        assertSameValues(row, roundTrip(db, row));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "plain ascii", "Ünïcödé ß æøå", "日本語のテキスト", "emoji 😀👍🏽 family 👨‍👩‍👧",
            "quote ' and \" and ; -- comment", "line\nbreak\ttab\r\n", "backslash \\ percent % underscore _"})
    void stringsRoundTripExactly(String text, Database db) {
        AllTypes row = typical();
        row.text = text;

        assertEquals(text, roundTrip(db, row).text);
    }

    /**
     * A column takes any value in SQLite; a text field reads what SQLite gives as the text of a value another program
     * stored there: digits for a number, the bytes of a BLOB as UTF-8 (U+FFFD where they are not), a NUL kept.
     */
    @Test
    void aTextFieldReadsWhatOtherProgramsStoredAsSqliteGivesItAsText(@OnFile Database db, Databases databases) {
        AllTypes row = roundTrip(db, typical());
        Path file = databases.pathOf(db);
        Map<String, String> storedAndRead = new LinkedHashMap<>();
        storedAndRead.put("42", "42");
        storedAndRead.put("0.99", "0.99");
        storedAndRead.put("1e300", "1.0e+300");
        storedAndRead.put("x'e282ac'", "\u20ac");
        storedAndRead.put("x'ff'", "\ufffd");
        storedAndRead.put("'a' || char(0) || 'b'", "a\0b");
        storedAndRead.put("x''", "");

        storedAndRead.forEach((stored, read) -> {
            Sqlite.execute(file, "UPDATE all_types SET text = " + stored);
            db.clearCache();
            assertEquals(read, db.get(AllTypes.class, row.id).text, stored);
        });
    }

    /**
     * A database another program made as UTF-16 keeps SQLite's text in that encoding: Weft reads it as it wrote it,
     * every type kept as text included.
     */
    @Test
    void aUtf16DatabaseReadsBackWhatWasWritten(Databases databases) {
        Path file = databases.path("utf16.db");
        Sqlite.execute(file, "PRAGMA encoding = 'UTF-16le'", "CREATE TABLE made_elsewhere (x TEXT)");
        AllTypes row = typical();
        row.text = "\u00dcn\u00efc\u00f6d\u00e9 \u65e5\u672c\u8a9e \ud83d\ude00";
        row.boxedChar = '\u00df';

        AllTypes loaded = roundTrip(databases.open(file), row);

        assertSameValues(row, loaded);
        assertEquals("UTF-16le", Sqlite.scalar(file, "PRAGMA encoding"));
    }

    /**
     * A file Weft opened empty, whose tables another program then made as UTF-16 (a migration tool, a script): its
     * text reads as written, though the file could not tell at open how it would keep text.
     */
    @Test
    void aFileEmptyAtOpenThatAnotherProgramMakesUtf16ReadsBackWhatWasWritten(Databases databases) {
        Path file = databases.path("late-utf16.db");
        Database db = databases.open(file);
        Sqlite.execute(file, "PRAGMA encoding = 'UTF-16le'", "CREATE TABLE made_elsewhere (x TEXT)");
        AllTypes row = typical();
        row.text = "Caf\u00e9 \u20ac5";

        assertSameValues(row, roundTrip(db, row));
        assertEquals("UTF-16le", Sqlite.scalar(file, "PRAGMA encoding"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.230", "1E+3", "0.000", "-0.5", "123456789012345678901234567890.123456789",
            "1E-30", "-99999999999999999999"})
    void bigDecimalsRoundTripWithTheirScale(String value, Database db) {
        AllTypes row = typical();
        row.decimal = new BigDecimal(value);

        BigDecimal loaded = roundTrip(db, row).decimal;

        assertEquals(new BigDecimal(value), loaded);
        assertEquals(new BigDecimal(value).scale(), loaded.scale());
    }

    @Test
    void bigDecimalIsStoredAsText(@OnFile Database db, Databases databases) {
        AllTypes row = typical();
        row.decimal = new BigDecimal("1.230");
        roundTrip(db, row);

        Path file = databases.pathOf(db);
        assertEquals("text", Sqlite.scalar(file, "SELECT typeof(decimal) FROM all_types"));
    }

    @ParameterizedTest
    @CsvSource({
            "color, PURPLE, dev.weft.test.model.Color",
            "local_date, 2020-13-45, java.time.LocalDate",
            "uuid_value, not-a-uuid, java.util.UUID",
            "decimal, 1.2.3, java.math.BigDecimal",
    })
    void aStoredValueTheFieldCannotHoldIsAWeftExceptionNamingTheRowAndValue(String column, String stored,
                                                                           String type, @OnFile Database db,
                                                                           Databases databases) {
        AllTypes row = roundTrip(db, typical());
        Sqlite.execute(databases.pathOf(db), "UPDATE all_types SET " + column + " = '" + stored + "'");
        db.clearCache();

        WeftException e = assertThrows(WeftException.class, () -> db.get(AllTypes.class, row.id));
        assertTrue(e.getMessage().startsWith("AllTypes#" + row.id + "."), e.getMessage());
        assertTrue(e.getMessage().contains(" holds '" + stored + "' in column " + column + ", which cannot be read as "
                + type), e.getMessage());
    }

    @Test
    void largeByteArraysRoundTrip(Database db) {
        AllTypes row = typical();
        row.bytes = new byte[100_000];
        for (int i = 0; i < row.bytes.length; i++) {
            row.bytes[i] = (byte) (i * 31);
        }

        assertArrayEquals(row.bytes, roundTrip(db, row).bytes);
    }

    @Test
    void everyEnumConstantRoundTrips(Database db) {
        db.createTables(AllTypes.class);
        for (Color color : Color.values()) {
            AllTypes row = typical();
            row.color = color;
            db.save(row);
            db.clearCache();
            assertEquals(color, db.get(AllTypes.class, row.id).color);
        }
    }

    @Test
    void enumIsStoredByName(@OnFile Database db, Databases databases) {
        AllTypes row = typical();
        row.color = Color.BLUE;
        roundTrip(db, row);

        assertEquals("BLUE", Sqlite.scalar(databases.pathOf(db), "SELECT color FROM all_types"));
    }

    @Test
    void localDateIsStoredAsIsoText(@OnFile Database db, Databases databases) {
        AllTypes row = typical();
        row.localDate = LocalDate.of(2024, 2, 9);
        roundTrip(db, row);

        assertEquals("2024-02-09", Sqlite.scalar(databases.pathOf(db), "SELECT local_date FROM all_types"));
    }

    @Test
    void localDateTimeIsStoredInSqliteFormat(@OnFile Database db, Databases databases) {
        AllTypes row = typical();
        row.localDateTime = LocalDateTime.of(2024, 2, 9, 8, 5, 3);
        roundTrip(db, row);

        String stored = (String) Sqlite.scalar(databases.pathOf(db), "SELECT local_date_time FROM all_types");
        assertTrue(stored.matches("2024-02-09 08:05:03(\\.0+)?"), stored);
    }

    @Test
    void instantIsStoredInSqliteFormatInUtc(@OnFile Database db, Databases databases) {
        AllTypes row = typical();
        row.instant = Instant.parse("2024-02-09T08:05:03Z");
        roundTrip(db, row);

        String stored = (String) Sqlite.scalar(databases.pathOf(db), "SELECT instant FROM all_types");
        assertTrue(stored.matches("2024-02-09 08:05:03(\\.0+)?"), stored);
    }

    @Test
    void storedDateTimesWorkWithSqliteDateFunctions(@OnFile Database db, Databases databases) {
        AllTypes row = typical();
        row.localDateTime = LocalDateTime.of(2024, 2, 9, 8, 5, 3, 500_000_000);
        roundTrip(db, row);

        assertEquals("2024-02-10", Sqlite.scalar(databases.pathOf(db),
                "SELECT date(local_date_time, '+1 day') FROM all_types"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1_000, 1_000_000, 123_456_789, 999_999_999})
    void localDateTimeKeepsItsNanoseconds(int nanos, Database db) {
        AllTypes row = typical();
        row.localDateTime = LocalDateTime.of(2024, 12, 31, 23, 59, 59, nanos);

        assertEquals(row.localDateTime, roundTrip(db, row).localDateTime);
    }

    @Test
    void instantKeepsItsNanoseconds(Database db) {
        AllTypes row = typical();
        row.instant = Instant.parse("1969-07-20T20:17:40.123456789Z");

        assertEquals(row.instant, roundTrip(db, row).instant);
    }

    @Test
    void extremeDatesRoundTrip(Database db) {
        AllTypes row = typical();
        row.localDate = LocalDate.of(1, 1, 1);
        row.localDateTime = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);
        row.instant = Instant.EPOCH;

        assertSameValues(row, roundTrip(db, row));
    }

    @Test
    void localDateTimeWrittenWithATSeparatorIsRead(@OnFile Database db, Databases databases) {
        db.createTables(AllTypes.class);
        Sqlite.execute(databases.pathOf(db),
                "INSERT INTO all_types (id, primitive_boolean, primitive_byte, primitive_short, primitive_int, "
                        + "primitive_long, primitive_float, primitive_double, primitive_char, local_date_time, instant) "
                        + "VALUES (5, 0, 0, 0, 0, 0, 0, 0, 'a', '2024-02-09T08:05:03.25', '2024-02-09T08:05:03')");

        AllTypes loaded = db.get(AllTypes.class, 5L);

        assertEquals(LocalDateTime.of(2024, 2, 9, 8, 5, 3, 250_000_000), loaded.localDateTime);
        assertEquals(Instant.parse("2024-02-09T08:05:03Z"), loaded.instant);
    }

    @Test
    void updatingEveryFieldToNullWritesNulls(Database db) {
        db.createTables(AllTypes.class);
        AllTypes row = db.save(typical());
        row.boxedBoolean = null;
        row.boxedInt = null;
        row.text = null;
        row.decimal = null;
        row.bytes = null;
        row.uuidValue = null;
        row.color = null;
        row.localDate = null;
        row.localDateTime = null;
        row.instant = null;

        db.save(row);
        db.clearCache();

        AllTypes loaded = db.get(AllTypes.class, row.id);
        assertNull(loaded.boxedBoolean);
        assertNull(loaded.boxedInt);
        assertNull(loaded.text);
        assertNull(loaded.decimal);
        assertNull(loaded.bytes);
        assertNull(loaded.uuidValue);
        assertNull(loaded.color);
        assertNull(loaded.localDate);
        assertNull(loaded.localDateTime);
        assertNull(loaded.instant);
        assertEquals(row.primitiveLong, loaded.primitiveLong);
    }

    @Test
    void integersOfEveryWidthAreWrittenByOneBatchedSaveAndFoundByFilters(Database db) {
        db.createTables(AllTypes.class);
        List<AllTypes> rows = List.of(db.save(typical()), db.save(typical()), db.save(typical()));
        for (AllTypes row : rows) { // one save of three updates of one shape: a JDBC batch
            row.primitiveByte = Byte.MIN_VALUE;
            row.primitiveShort = Short.MIN_VALUE;
            row.primitiveInt = Integer.MIN_VALUE;
            row.primitiveLong = Long.MIN_VALUE;
            row.boxedShort = Short.MAX_VALUE;
            row.boxedInt = Integer.MAX_VALUE;
            row.boxedLong = Long.MAX_VALUE;
        }
        rows.get(2).primitiveLong = 7;

        db.saveAll(rows);
        db.clearCache();

        for (AllTypes row : rows) {
            assertSameValues(row, db.get(AllTypes.class, row.id));
        }
        // Each width bound as a filter value, the boxes of other widths included.
        assertEquals(2, db.select(AllTypes.class).filter("primitiveLong", Long.MIN_VALUE).count());
        assertEquals(1, db.select(AllTypes.class).filter("primitiveLong", 7).count());
        assertEquals(3, db.select(AllTypes.class).filter("primitiveInt", (long) Integer.MIN_VALUE).count());
        assertEquals(3, db.select(AllTypes.class).filter("primitiveShort", Short.MIN_VALUE).count());
        assertEquals(3, db.select(AllTypes.class).filter("primitiveByte", Byte.MIN_VALUE).count());
        assertEquals(3, db.select(AllTypes.class).filter("boxedLong__in", List.of(Long.MAX_VALUE, 1L)).count());
        assertEquals(3, db.select(AllTypes.class).filter("boxedInt__gt", Integer.MAX_VALUE - 1).count());
    }
}
