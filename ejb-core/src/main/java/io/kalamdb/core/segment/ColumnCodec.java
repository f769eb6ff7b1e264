package io.kalamdb.core.segment;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * How one column is stored in a segment file and read back: the Parquet type of each {@link KalamDataType}
 * (Parquet format spec, {@code LogicalTypes.md}) and the conversions between Parquet values and the canonical
 * Java values of the type.
 *
 * <table>
 * <caption>Column types in segment files</caption>
 * <tr><th>type</th><th>Parquet physical type and logical annotation</th></tr>
 * <tr><td>BOOLEAN</td><td>BOOLEAN</td></tr>
 * <tr><td>SMALLINT / INT / BIGINT</td><td>INT32 INT(16,true) / INT32 INT(32,true) / INT64 INT(64,true)</td></tr>
 * <tr><td>FLOAT / DOUBLE</td><td>FLOAT / DOUBLE</td></tr>
 * <tr><td>DECIMAL(p,s)</td><td>DECIMAL(p,s) over INT32 (p ≤ 9), INT64 (p ≤ 18), else FIXED_LEN_BYTE_ARRAY of the
 * fewest bytes holding p digits (two's complement, big-endian)</td></tr>
 * <tr><td>TEXT, JSON, FILE</td><td>BINARY STRING (UTF-8)</td></tr>
 * <tr><td>BYTES</td><td>BINARY</td></tr>
 * <tr><td>DATE</td><td>INT32 DATE (days since 1970-01-01)</td></tr>
 * <tr><td>TIME</td><td>INT64 TIME(MICROS, isAdjustedToUTC=false)</td></tr>
 * <tr><td>TIMESTAMP</td><td>INT64 TIMESTAMP(MICROS, isAdjustedToUTC=false): no time zone</td></tr>
 * <tr><td>DATETIME</td><td>INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true): an instant</td></tr>
 * <tr><td>UUID</td><td>FIXED_LEN_BYTE_ARRAY(16) UUID</td></tr>
 * <tr><td>EMBEDDING(n)</td><td>three-level LIST of required FLOAT ({@code <name> (LIST) { repeated group list
 * { required float element; } }})</td></tr>
 * </table>
 * Reading needs only the Parquet type, so a file decodes without its table definition; {@link ColumnConverters}
 * turns Parquet values back into canonical ones.
 */
final class ColumnCodec {

    /** The value representations; each maps to one canonical Java class. */
    enum Kind {
        BOOLEAN, SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, BYTES, UUID, VECTOR
    }

    /**
     * A literal mapped into a column's Parquet value domain: the greatest stored-representable value ≤ the
     * literal ({@code lo}) and the least ≥ it ({@code hi}); either is null when none exists.
     *
     * @param lo    Parquet value (Integer, Long, Float, Double, Boolean or Binary), or null
     * @param hi    Parquet value, or null
     * @param exact true when the literal itself is representable ({@code lo == hi})
     */
    record Bounds(Comparable<?> lo, Comparable<?> hi, boolean exact) {
        static Bounds exact(Comparable<?> value) {
            return new Bounds(value, value, true);
        }
    }

    private static final int UUID_BYTES = 16;

    private final Kind kind;
    private final PrimitiveTypeName physical;
    private final int scale;
    private final int byteLength;
    /** Smallest and largest unscaled value the physical type holds (integer and DECIMAL kinds), else null. */
    private final BigInteger minUnscaled;
    private final BigInteger maxUnscaled;

    private ColumnCodec(Kind kind, PrimitiveTypeName physical, int scale, int byteLength) {
        this.kind = kind;
        this.physical = physical;
        this.scale = scale;
        this.byteLength = byteLength;
        boolean integral = kind == Kind.SHORT || kind == Kind.INT || kind == Kind.LONG || kind == Kind.DECIMAL;
        this.minUnscaled = integral ? physicalMin(physical, byteLength) : null;
        this.maxUnscaled = integral ? minUnscaled.negate().subtract(BigInteger.ONE) : null;
    }

    private static BigInteger physicalMin(PrimitiveTypeName physical, int byteLength) {
        return switch (physical) {
            case INT32 -> BigInteger.valueOf(Integer.MIN_VALUE);
            case INT64 -> BigInteger.valueOf(Long.MIN_VALUE);
            default -> BigInteger.ONE.shiftLeft(8 * byteLength - 1).negate();
        };
    }

    /**
     * @param column a table column
     * @return its Parquet type: named after the column, field id = column id, REQUIRED if NOT NULL
     */
    static Type parquetType(ColumnDefinition column) {
        Repetition repetition = column.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
        KalamDataType type = column.dataType();
        if (type.kind() == KalamDataType.Kind.EMBEDDING) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .repeatedGroup().required(PrimitiveTypeName.FLOAT).named("element").named("list")
                    .id(column.columnId()).named(column.name());
        }
        Types.PrimitiveBuilder<PrimitiveType> b = switch (type.kind()) {
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition);
            case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true));
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(32, true));
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.intType(64, true));
            case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition);
            case DECIMAL -> decimal(type.precision(), type.scale(), repetition);
            case TEXT, JSON, FILE -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType());
            case BYTES -> Types.primitive(PrimitiveTypeName.BINARY, repetition);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType());
            case TIME -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS));
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS));
            case DATETIME -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
            case UUID -> Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(UUID_BYTES)
                    .as(LogicalTypeAnnotation.uuidType());
            case EMBEDDING -> throw new IllegalStateException("handled above");
        };
        return b.id(column.columnId()).named(column.name());
    }

    private static Types.PrimitiveBuilder<PrimitiveType> decimal(int precision, int scale, Repetition repetition) {
        LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(scale, precision);
        if (precision <= 9) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation);
        }
        if (precision <= 18) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation);
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                .length(decimalBytes(precision)).as(annotation);
    }

    /** @return the fewest bytes whose two's complement range holds every {@code precision}-digit integer */
    private static int decimalBytes(int precision) {
        BigInteger limit = BigInteger.TEN.pow(precision);
        int n = 1;
        while (BigInteger.TWO.pow(8 * n - 1).compareTo(limit) < 0) {
            n++;
        }
        return n;
    }

    /**
     * @param type a field of a segment file's schema
     * @return the codec reading it
     * @throws IllegalArgumentException for a type no {@link KalamDataType} is written as
     */
    static ColumnCodec of(Type type) {
        if (!type.isPrimitive()) {
            return vector(type.asGroupType());
        }
        PrimitiveType p = type.asPrimitiveType();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        PrimitiveTypeName name = p.getPrimitiveTypeName();
        if (a instanceof DecimalLogicalTypeAnnotation d) {
            if (name != PrimitiveTypeName.INT32 && name != PrimitiveTypeName.INT64
                    && name != PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                throw unsupported(type);
            }
            return new ColumnCodec(Kind.DECIMAL, name, d.getScale(), p.getTypeLength());
        }
        return switch (name) {
            case BOOLEAN -> new ColumnCodec(Kind.BOOLEAN, name, 0, 0);
            case INT32 -> new ColumnCodec(a instanceof IntLogicalTypeAnnotation i && i.getBitWidth() == 16
                    ? Kind.SHORT : Kind.INT, name, 0, 0);
            case INT64 -> new ColumnCodec(Kind.LONG, name, 0, 0);
            case FLOAT -> new ColumnCodec(Kind.FLOAT, name, 0, 0);
            case DOUBLE -> new ColumnCodec(Kind.DOUBLE, name, 0, 0);
            case BINARY -> new ColumnCodec(a == null ? Kind.BYTES : Kind.STRING, name, 0, 0);
            case FIXED_LEN_BYTE_ARRAY -> {
                if (!(a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation)) {
                    throw unsupported(type);
                }
                yield new ColumnCodec(Kind.UUID, name, 0, UUID_BYTES);
            }
            default -> throw unsupported(type);
        };
    }

    private static ColumnCodec vector(GroupType group) {
        if (!(group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)
                || group.getFieldCount() != 1 || group.getType(0).isPrimitive()
                || !group.getType(0).isRepetition(Repetition.REPEATED)) {
            throw unsupported(group);
        }
        GroupType repeated = group.getType(0).asGroupType();
        if (repeated.getFieldCount() != 1 || !repeated.getType(0).isPrimitive()
                || repeated.getType(0).asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.FLOAT) {
            throw unsupported(group);
        }
        return new ColumnCodec(Kind.VECTOR, null, 0, 0);
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("Parquet field '" + type + "' is not a KalamDB column type");
    }

    /** @return the value representation */
    Kind kind() {
        return kind;
    }

    /** @return the Parquet physical type; null for VECTOR (a group) */
    PrimitiveTypeName physical() {
        return physical;
    }

    /** @return the DECIMAL scale; 0 for other kinds */
    int scale() {
        return scale;
    }

    /**
     * Checks a canonical value and converts it to what {@link #write} adds: Boolean, Integer (SHORT and INT
     * and INT32 decimals), Long, Float, Double, Binary or float[].
     *
     * @param value a non-null canonical value
     * @return the Parquet value
     * @throws IllegalArgumentException if the value is not of the canonical class or does not fit the column
     */
    Object toParquet(Object value) {
        return switch (kind) {
            case BOOLEAN -> expect(value, Boolean.class);
            case SHORT -> (int) expect(value, Short.class);
            case INT -> expect(value, Integer.class);
            case LONG -> expect(value, Long.class);
            case FLOAT -> expect(value, Float.class);
            case DOUBLE -> expect(value, Double.class);
            case DECIMAL -> unscaledToParquet(rescale(expect(value, BigDecimal.class)));
            case STRING -> Binary.fromString(expect(value, String.class));
            case BYTES -> Binary.fromConstantByteArray(expect(value, byte[].class));
            case UUID -> uuidBinary(expect(value, String.class));
            case VECTOR -> expect(value, float[].class);
        };
    }

    private BigInteger rescale(BigDecimal d) {
        try {
            return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("value " + d + " has more than " + scale + " decimal places", e);
        }
    }

    private Comparable<?> unscaledToParquet(BigInteger unscaled) {
        if (unscaled.compareTo(minUnscaled) < 0 || unscaled.compareTo(maxUnscaled) > 0) {
            throw new IllegalArgumentException("value " + new BigDecimal(unscaled, scale) + " is out of range");
        }
        return parquetIntegral(unscaled);
    }

    private Comparable<?> parquetIntegral(BigInteger v) {
        return switch (physical) {
            case INT32 -> v.intValueExact();
            case INT64 -> v.longValueExact();
            default -> Binary.fromConstantByteArray(twosComplement(v, byteLength));
        };
    }

    private static byte[] twosComplement(BigInteger v, int length) {
        byte[] minimal = v.toByteArray();
        byte[] out = new byte[length];
        Arrays.fill(out, 0, length - minimal.length, (byte) (v.signum() < 0 ? 0xFF : 0));
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return out;
    }

    private static Binary uuidBinary(String text) {
        UUID uuid = UUID.fromString(text);
        return Binary.fromConstantByteArray(ByteBuffer.allocate(UUID_BYTES)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
    }

    private static <T> T expect(Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName() + ", got a "
                    + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }

    /**
     * Adds one non-null value inside the column's field (between {@code startField} and {@code endField}).
     *
     * @param consumer the record consumer
     * @param value    a value returned by {@link #toParquet}
     */
    void write(RecordConsumer consumer, Object value) {
        switch (kind) {
            case BOOLEAN -> consumer.addBoolean((Boolean) value);
            case SHORT, INT -> consumer.addInteger((Integer) value);
            case LONG -> consumer.addLong((Long) value);
            case FLOAT -> consumer.addFloat((Float) value);
            case DOUBLE -> consumer.addDouble((Double) value);
            case DECIMAL -> {
                switch (physical) {
                    case INT32 -> consumer.addInteger((Integer) value);
                    case INT64 -> consumer.addLong((Long) value);
                    default -> consumer.addBinary((Binary) value);
                }
            }
            case STRING, BYTES, UUID -> consumer.addBinary((Binary) value);
            case VECTOR -> writeVector(consumer, (float[]) value);
        }
    }

    private static void writeVector(RecordConsumer consumer, float[] vector) {
        consumer.startGroup();
        if (vector.length > 0) {
            consumer.startField("list", 0);
            for (float f : vector) {
                consumer.startGroup();
                consumer.startField("element", 0);
                consumer.addFloat(f);
                consumer.endField("element", 0);
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }

    /**
     * Maps a canonical filter literal into this column's Parquet domain. A literal of a wider type than the one
     * the file was written with (the column was widened by ALTER TABLE since) yields inexact bounds when it
     * falls between two representable values or outside the physical range.
     *
     * @param literal a non-null canonical value: Boolean; Short, Integer, Long or BigDecimal for integer and
     *                DECIMAL columns; Float or Double for FLOAT and DOUBLE; String for TEXT, JSON, FILE and
     *                UUID; byte[] for BYTES
     * @return the bounds
     * @throws IllegalArgumentException for a literal of another class, or any literal on an EMBEDDING column
     */
    Bounds bounds(Object literal) {
        return switch (kind) {
            case BOOLEAN -> Bounds.exact(expect(literal, Boolean.class));
            case SHORT, INT, LONG, DECIMAL -> integralBounds(literal);
            case FLOAT -> floatBounds(literal);
            case DOUBLE -> Bounds.exact(literal instanceof Float f ? (double) f : expect(literal, Double.class));
            case STRING -> Bounds.exact(Binary.fromString(expect(literal, String.class)));
            case BYTES -> Bounds.exact(Binary.fromConstantByteArray(expect(literal, byte[].class)));
            case UUID -> Bounds.exact(uuidBinary(expect(literal, String.class)));
            case VECTOR -> throw new IllegalArgumentException("EMBEDDING columns cannot be compared");
        };
    }

    private Bounds integralBounds(Object literal) {
        BigDecimal value;
        if (literal instanceof BigDecimal d) {
            value = d;
        } else if (literal instanceof Short || literal instanceof Integer || literal instanceof Long) {
            value = BigDecimal.valueOf(((Number) literal).longValue());
        } else {
            throw new IllegalArgumentException("expected an integer or BigDecimal, got a "
                    + literal.getClass().getSimpleName());
        }
        BigDecimal unscaled = value.movePointRight(scale);
        BigInteger floor = unscaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger ceiling = unscaled.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        BigInteger min = minUnscaled;
        BigInteger max = maxUnscaled;
        Comparable<?> lo = floor.compareTo(min) < 0 ? null : parquetIntegral(floor.min(max));
        Comparable<?> hi = ceiling.compareTo(max) > 0 ? null : parquetIntegral(ceiling.max(min));
        boolean exact = floor.equals(ceiling) && floor.compareTo(min) >= 0 && floor.compareTo(max) <= 0;
        return exact ? Bounds.exact(lo) : new Bounds(lo, hi, false);
    }

    private static Bounds floatBounds(Object literal) {
        if (literal instanceof Float f) {
            return Bounds.exact(f);
        }
        double d = expect(literal, Double.class);
        float nearest = (float) d;
        if (Double.isNaN(d) || (double) nearest == d) {
            return Bounds.exact(nearest);
        }
        return nearest < d ? new Bounds(nearest, Math.nextUp(nearest), false)
                : new Bounds(Math.nextDown(nearest), nearest, false);
    }
}
