package dev.weft.test.model;

import dev.weft.Entity;
import dev.weft.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** One field of every column type of the contract; table {@code all_types}. */
@Entity
public class AllTypes {
    @Id public long id;

    public boolean primitiveBoolean;
    public byte primitiveByte;
    public short primitiveShort;
    public int primitiveInt;
    public long primitiveLong;
    public float primitiveFloat;
    public double primitiveDouble;
    public char primitiveChar;

    public Boolean boxedBoolean;
    public Byte boxedByte;
    public Short boxedShort;
    public Integer boxedInt;
    public Long boxedLong;
    public Float boxedFloat;
    public Double boxedDouble;
    public Character boxedChar;

    public String text;
    public BigDecimal decimal;
    public byte[] bytes;
    public UUID uuidValue;
    public Color color;
    public LocalDate localDate;
    public LocalDateTime localDateTime;
    public Instant instant;

    public AllTypes() {
    }
}
