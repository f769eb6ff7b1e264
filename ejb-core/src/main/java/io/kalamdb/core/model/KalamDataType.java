package io.kalamdb.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column type (DESIGN.md §4), with its SQL spelling, its {@code data_type} name on the wire (§5), value
 * validation and the canonical in-memory representation of its values:
 *
 * <table>
 * <caption>Java representation and JSON encoding</caption>
 * <tr><th>type</th><th>Java value</th><th>JSON</th></tr>
 * <tr><td>BOOLEAN</td><td>Boolean</td><td>true/false</td></tr>
 * <tr><td>SMALLINT</td><td>Short (-32768..32767)</td><td>number</td></tr>
 * <tr><td>INT</td><td>Integer</td><td>number</td></tr>
 * <tr><td>BIGINT</td><td>Long</td><td>string</td></tr>
 * <tr><td>FLOAT / DOUBLE</td><td>Float / Double</td><td>number</td></tr>
 * <tr><td>DECIMAL(p,s)</td><td>BigDecimal with scale s</td><td>string</td></tr>
 * <tr><td>TEXT</td><td>String</td><td>string</td></tr>
 * <tr><td>BYTES</td><td>byte[]</td><td>base64 string</td></tr>
 * <tr><td>JSON</td><td>String (compact JSON text)</td><td>embedded JSON</td></tr>
 * <tr><td>DATE</td><td>Integer, days since 1970-01-01</td><td>number</td></tr>
 * <tr><td>TIME</td><td>Long, microseconds since midnight</td><td>number</td></tr>
 * <tr><td>TIMESTAMP / DATETIME</td><td>Long, microseconds since the epoch (UTC), millisecond precision
 * (the value is always a multiple of 1000)</td><td>number</td></tr>
 * <tr><td>UUID</td><td>String, canonical lower case (8-4-4-4-12 hex digits)</td><td>string</td></tr>
 * <tr><td>EMBEDDING(n)</td><td>float[n]</td><td>array of numbers</td></tr>
 * <tr><td>FILE</td><td>String (JSON file reference)</td><td>embedded JSON</td></tr>
 * </table>
 */
public final class KalamDataType {

    /** The families of types; DECIMAL and EMBEDDING take parameters. */
    public enum Kind {
        BOOLEAN, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, TEXT, BYTES, JSON, DATE, TIME, TIMESTAMP,
        DATETIME, UUID, EMBEDDING, FILE
    }

    /** Largest DECIMAL precision. */
    public static final int MAX_DECIMAL_PRECISION = 38;
    /** Largest EMBEDDING dimension. */
    public static final int MAX_EMBEDDING_DIMENSION = 8192;

    /** Strict reader: text after the first JSON value is an error, not silently dropped. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static final KalamDataType BOOLEAN = new KalamDataType(Kind.BOOLEAN, 0, 0);
    public static final KalamDataType SMALLINT = new KalamDataType(Kind.SMALLINT, 0, 0);
    public static final KalamDataType INT = new KalamDataType(Kind.INT, 0, 0);
    public static final KalamDataType BIGINT = new KalamDataType(Kind.BIGINT, 0, 0);
    public static final KalamDataType FLOAT = new KalamDataType(Kind.FLOAT, 0, 0);
    public static final KalamDataType DOUBLE = new KalamDataType(Kind.DOUBLE, 0, 0);
    public static final KalamDataType TEXT = new KalamDataType(Kind.TEXT, 0, 0);
    public static final KalamDataType BYTES = new KalamDataType(Kind.BYTES, 0, 0);
    public static final KalamDataType JSON_TYPE = new KalamDataType(Kind.JSON, 0, 0);
    public static final KalamDataType DATE = new KalamDataType(Kind.DATE, 0, 0);
    public static final KalamDataType TIME = new KalamDataType(Kind.TIME, 0, 0);
    public static final KalamDataType TIMESTAMP = new KalamDataType(Kind.TIMESTAMP, 0, 0);
    public static final KalamDataType DATETIME = new KalamDataType(Kind.DATETIME, 0, 0);
    public static final KalamDataType UUID_TYPE = new KalamDataType(Kind.UUID, 0, 0);
    public static final KalamDataType FILE = new KalamDataType(Kind.FILE, 0, 0);

    /** The RFC 9562 string form of a UUID: 32 hex digits in groups of 8-4-4-4-12. */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Kind kind;
    private final int precision;
    private final int scale;

    private KalamDataType(Kind kind, int precision, int scale) {
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
    }

    /**
     * @return DECIMAL(precision, scale)
     * @throws KalamException INVALID_SQL unless 1 ≤ precision ≤ 38 and 0 ≤ scale ≤ precision
     */
    public static KalamDataType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw KalamException.invalidSql("DECIMAL precision must be between 1 and 38, got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw KalamException.invalidSql("DECIMAL scale must be between 0 and the precision (" + precision
                    + "), got " + scale);
        }
        return new KalamDataType(Kind.DECIMAL, precision, scale);
    }

    /**
     * @return EMBEDDING(dimension), a FLOAT32 vector
     * @throws KalamException INVALID_SQL unless 1 ≤ dimension ≤ 8192
     */
    public static KalamDataType embedding(int dimension) {
        if (dimension < 1 || dimension > MAX_EMBEDDING_DIMENSION) {
            throw KalamException.invalidSql("EMBEDDING dimension must be between 1 and 8192, got " + dimension);
        }
        return new KalamDataType(Kind.EMBEDDING, dimension, 0);
    }

    /**
     * Resolves a type as written in SQL, including the PostgreSQL/MySQL aliases (VARCHAR, INTEGER, INT8,
     * JSONB, BYTEA, SERIAL, …).
     *
     * @param name   the type name, any case
     * @param params the parenthesised numbers after it (may be empty); ignored for types that take none
     *               (VARCHAR(255) is TEXT)
     * @return the type
     * @throws KalamException INVALID_SQL for an unknown name or bad parameters
     */
    public static KalamDataType fromSql(String name, List<Integer> params) {
        String n = name.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (n) {
            case "BOOLEAN", "BOOL" -> BOOLEAN;
            case "SMALLINT", "INT2", "SMALLSERIAL", "TINYINT" -> SMALLINT;
            case "INT", "INTEGER", "INT4", "SERIAL", "MEDIUMINT" -> INT;
            case "BIGINT", "INT8", "BIGSERIAL", "LONG" -> BIGINT;
            case "FLOAT", "REAL", "FLOAT4" -> FLOAT;
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> DOUBLE;
            case "DECIMAL", "NUMERIC", "DEC" -> decimal(param(params, 0, 38), param(params, 1, 0));
            case "TEXT", "VARCHAR", "CHAR", "CHARACTER", "CHARACTER VARYING", "STRING", "NVARCHAR",
                 "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "CLOB" -> TEXT;
            case "BYTES", "BYTEA", "BLOB", "BINARY", "VARBINARY", "LONGBLOB" -> BYTES;
            case "JSON", "JSONB" -> JSON_TYPE;
            case "DATE" -> DATE;
            case "TIME" -> TIME;
            case "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE" -> TIMESTAMP;
            case "DATETIME", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> DATETIME;
            case "UUID" -> UUID_TYPE;
            case "EMBEDDING", "VECTOR" -> {
                if (params.isEmpty()) {
                    throw KalamException.invalidSql("EMBEDDING needs a dimension, e.g. EMBEDDING(384)");
                }
                yield embedding(params.get(0));
            }
            case "FILE" -> FILE;
            default -> throw KalamException.invalidSql("Unknown data type '" + name + "'");
        };
    }

    private static int param(List<Integer> params, int i, int dflt) {
        return params.size() > i ? params.get(i) : dflt;
    }

    /** @return the type family */
    public Kind kind() {
        return kind;
    }

    /** @return DECIMAL precision, EMBEDDING dimension, 0 otherwise */
    public int precision() {
        return precision;
    }

    /** @return DECIMAL scale, 0 otherwise */
    public int scale() {
        return scale;
    }

    /** @return true if a PRIMARY KEY may have this type (BIGINT or TEXT) */
    public boolean isPrimaryKeyCapable() {
        return kind == Kind.BIGINT || kind == Kind.TEXT;
    }

    /** @return the canonical SQL spelling, e.g. {@code DECIMAL(10,2)}, {@code EMBEDDING(384)} */
    public String sqlName() {
        return switch (kind) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case EMBEDDING -> "EMBEDDING(" + precision + ")";
            default -> kind.name();
        };
    }

    /**
     * @return the {@code data_type} value of the HTTP schema: a String such as {@code "BigInt"}, or a map
     *         {@code {"Decimal":{"precision":10,"scale":2}}} / {@code {"Embedding":384}}
     */
    public Object wireName() {
        return switch (kind) {
            case BOOLEAN -> "Boolean";
            case SMALLINT -> "SmallInt";
            case INT -> "Int";
            case BIGINT -> "BigInt";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            case TEXT -> "Text";
            case BYTES -> "Bytes";
            case JSON -> "Json";
            case DATE -> "Date";
            case TIME -> "Time";
            case TIMESTAMP -> "Timestamp";
            case DATETIME -> "DateTime";
            case UUID -> "Uuid";
            case FILE -> "File";
            case DECIMAL -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("precision", precision);
                p.put("scale", scale);
                yield Map.of("Decimal", p);
            }
            case EMBEDDING -> Map.of("Embedding", precision);
        };
    }

    /**
     * Converts a value from SQL evaluation or a request parameter to this type's canonical representation
     * (see the class comment). Accepts the natural neighbours: numbers of any width within range, numeric
     * strings for numbers, ISO-8601 strings for dates and times, JSON text or structures for JSON, lists of
     * numbers for EMBEDDING.
     *
     * @param value the value, or null
     * @return the canonical value, or null
     * @throws KalamException CONSTRAINT_VIOLATION when the value cannot be represented in this type
     */
    public Object coerce(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (kind) {
                case BOOLEAN -> toBoolean(value);
                case SMALLINT -> {
                    long l = toLongExact(value);
                    if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
                        throw mismatch(value, "out of range for SMALLINT");
                    }
                    yield (short) l;
                }
                case INT -> {
                    long l = toLongExact(value);
                    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                        throw mismatch(value, "out of range for INT");
                    }
                    yield (int) l;
                }
                case BIGINT -> toLongExact(value);
                case FLOAT -> toBigDecimal(value).floatValue();
                case DOUBLE -> value instanceof Number n && !(n instanceof BigDecimal)
                        ? n.doubleValue() : toBigDecimal(value).doubleValue();
                case DECIMAL -> toDecimal(value);
                case TEXT -> value instanceof String s ? s : String.valueOf(value);
                case BYTES -> value instanceof byte[] b ? b
                        : value instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                        : fail(value);
                case JSON, FILE -> toJsonText(value);
                case DATE -> toDays(value);
                case TIME -> toTimeMicros(value);
                case TIMESTAMP, DATETIME -> toEpochMicros(value);
                case UUID -> toUuid(value);
                case EMBEDDING -> toVector(value);
            };
        } catch (KalamException e) {
            throw e;
        } catch (RuntimeException e) {
            throw mismatch(value, e.getMessage());
        }
    }

    /**
     * Encodes a canonical value for JSON output per DESIGN.md §5: BIGINT and DECIMAL as strings (DECIMAL in
     * plain notation, never {@code 1E-8}), JSON and FILE as embedded JSON trees, BYTES as base64, EMBEDDING as
     * a list of numbers.
     *
     * @param value a canonical value (see {@link #coerce}) or null
     * @return a value Jackson serialises as specified
     */
    public Object toJsonValue(Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case BIGINT -> value.toString();
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
            case JSON, FILE -> {
                try {
                    yield JSON.readTree((String) value);
                } catch (JsonProcessingException e) {
                    yield value;
                }
            }
            default -> value;
        };
    }

    private Object fail(Object value) {
        throw mismatch(value, null);
    }

    private KalamException mismatch(Object value, String why) {
        String shown = String.valueOf(value instanceof float[] ? "vector" : value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new KalamException(ErrorCode.CONSTRAINT_VIOLATION, "Value '" + shown + "' is not a valid "
                + sqlName() + (why == null || why.isBlank() ? "" : ": " + why));
    }

    private Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "t", "1", "yes" -> Boolean.TRUE;
            case "false", "f", "0", "no" -> Boolean.FALSE;
            default -> throw mismatch(value, null);
        };
    }

    private long toLongExact(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            return toBigDecimal(value).longValueExact();
        } catch (ArithmeticException e) {
            throw mismatch(value, "not an integer in range");
        }
    }

    private BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof String s) {
            return new BigDecimal(s.trim());
        }
        throw mismatch(value, null);
    }

    private BigDecimal toDecimal(Object value) {
        BigDecimal d = toBigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
        if (d.precision() > precision) {
            throw mismatch(value, "more than " + (precision - scale) + " digits before the decimal point");
        }
        return d;
    }

    private String toJsonText(Object value) {
        try {
            if (value instanceof String s) {
                JsonNode tree = JSON.readTree(s);
                if (tree.isMissingNode()) {
                    throw mismatch(value, "not valid JSON");
                }
                return JSON.writeValueAsString(tree);
            }
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw mismatch(value, "not valid JSON");
        }
    }

    private String toUuid(Object value) {
        String s = String.valueOf(value).trim();
        if (!UUID_TEXT.matcher(s).matches()) {
            throw mismatch(value, "expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (RFC 9562)");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private Integer toDays(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n) {
            return Math.toIntExact(n.longValue());
        }
        try {
            return Math.toIntExact(LocalDate.parse(String.valueOf(value).trim()).toEpochDay());
        } catch (DateTimeParseException e) {
            throw mismatch(value, "expected YYYY-MM-DD");
        }
    }

    private Long toTimeMicros(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return LocalTime.parse(String.valueOf(value).trim()).toNanoOfDay() / 1_000;
        } catch (DateTimeParseException e) {
            throw mismatch(value, "expected HH:MM[:SS[.ffffff]]");
        }
    }

    private Long toEpochMicros(Object value) {
        if (value instanceof Number n) {
            return Math.floorDiv(n.longValue(), 1000L) * 1000L;
        }
        String s = String.valueOf(value).trim();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    instant = LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    try {
                        instant = LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException e4) {
                        throw mismatch(value, "expected an ISO-8601 timestamp or epoch microseconds");
                    }
                }
            }
        }
        return ChronoUnit.MILLIS.between(Instant.EPOCH, instant) * 1000L;
    }

    private float[] toVector(Object value) {
        Object v = value;
        if (v instanceof String s) {
            try {
                v = JSON.readValue(s, List.class);
            } catch (JsonProcessingException e) {
                throw mismatch(value, "expected an array of numbers");
            }
        }
        float[] out;
        if (v instanceof float[] f) {
            out = f;
        } else if (v instanceof List<?> list) {
            out = new float[list.size()];
            for (int i = 0; i < out.length; i++) {
                Object e = list.get(i);
                if (!(e instanceof Number n)) {
                    throw mismatch(value, "element " + i + " is not a number");
                }
                out[i] = n.floatValue();
            }
        } else {
            throw mismatch(value, "expected an array of numbers");
        }
        if (out.length != precision) {
            throw mismatch(value, "expected " + precision + " dimensions, got " + out.length);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KalamDataType t && t.kind == kind && t.precision == precision && t.scale == scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, precision, scale);
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
