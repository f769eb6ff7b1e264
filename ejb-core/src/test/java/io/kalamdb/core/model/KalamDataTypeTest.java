package io.kalamdb.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.core.model.KalamDataType.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KalamDataTypeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KalamDataType sql(String name, Integer... params) {
        return KalamDataType.fromSql(name, List.of(params));
    }

    private static KalamException violation(KalamDataType type, Object value) {
        KalamException e = assertThrows(KalamException.class, () -> type.coerce(value),
                () -> value + " should not be a valid " + type);
        assertEquals(ErrorCode.CONSTRAINT_VIOLATION, e.code(), e.getMessage());
        return e;
    }

    private static void invalidType(Runnable build, String messagePart) {
        KalamException e = assertThrows(KalamException.class, build::run);
        assertEquals(ErrorCode.INVALID_SQL, e.code());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "BOOLEAN, BOOLEAN", "bool, BOOLEAN",
        "SMALLINT, SMALLINT", "INT2, SMALLINT", "SMALLSERIAL, SMALLINT", "TINYINT, SMALLINT",
        "INT, INT", "INTEGER, INT", "INT4, INT", "SERIAL, INT", "integer, INT",
        "BIGINT, BIGINT", "INT8, BIGINT", "BIGSERIAL, BIGINT",
        "FLOAT, FLOAT", "REAL, FLOAT", "FLOAT4, FLOAT",
        "DOUBLE, DOUBLE", "DOUBLE PRECISION, DOUBLE", "double  precision, DOUBLE", "FLOAT8, DOUBLE",
        "TEXT, TEXT", "VARCHAR, TEXT", "CHARACTER VARYING, TEXT", "STRING, TEXT",
        "BYTES, BYTES", "BYTEA, BYTES", "BLOB, BYTES",
        "JSON, JSON", "JSONB, JSON",
        "DATE, DATE", "TIME, TIME",
        "TIMESTAMP, TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE, TIMESTAMP",
        "DATETIME, DATETIME", "TIMESTAMPTZ, DATETIME", "TIMESTAMP WITH TIME ZONE, DATETIME",
        "UUID, UUID", "FILE, FILE"
    })
    void fromSqlResolvesNamesAndAliases(String written, String canonical) {
        KalamDataType type = sql(written);
        assertEquals(canonical, type.sqlName());
        assertEquals(Kind.valueOf(canonical), type.kind());
    }

    @Test
    void fromSqlIgnoresLengthOfTextTypes() {
        assertEquals(KalamDataType.TEXT, sql("VARCHAR", 255));
        assertEquals(KalamDataType.TEXT, sql("CHAR", 10));
    }

    @Test
    void fromSqlReadsDecimalPrecisionAndScale() {
        KalamDataType numeric = sql("NUMERIC", 10, 2);
        assertEquals(KalamDataType.decimal(10, 2), numeric);
        assertEquals(10, numeric.precision());
        assertEquals(2, numeric.scale());
        assertEquals("DECIMAL(10,2)", numeric.sqlName());
        assertEquals("DECIMAL(10,0)", sql("DECIMAL", 10).sqlName());
        assertEquals("DECIMAL(38,0)", sql("DEC").sqlName());
    }

    @Test
    void fromSqlReadsEmbeddingDimensionUnderBothNames() {
        assertEquals(KalamDataType.embedding(3), sql("VECTOR", 3));
        assertEquals("EMBEDDING(3)", sql("VECTOR", 3).sqlName());
        assertEquals("EMBEDDING(384)", sql("embedding", 384).sqlName());
        assertEquals(384, sql("EMBEDDING", 384).precision());
    }

    @Test
    void fromSqlRefusesUnknownNamesAndEmbeddingWithoutDimension() {
        invalidType(() -> sql("GEOMETRY"), "Unknown data type 'GEOMETRY'");
        invalidType(() -> sql("EMBEDDING"), "EMBEDDING needs a dimension");
    }

    @Test
    void decimalAndEmbeddingParametersAreValidated() {
        invalidType(() -> KalamDataType.decimal(0, 0), "precision must be between 1 and 38, got 0");
        invalidType(() -> KalamDataType.decimal(39, 0), "precision must be between 1 and 38, got 39");
        invalidType(() -> KalamDataType.decimal(5, 6), "scale must be between 0 and the precision (5), got 6");
        invalidType(() -> sql("NUMERIC", 39, 2), "got 39");
        invalidType(() -> KalamDataType.embedding(0), "dimension must be between 1 and 8192, got 0");
        invalidType(() -> KalamDataType.embedding(8193), "got 8193");
        assertEquals(38, KalamDataType.decimal(38, 38).precision());
        assertEquals(8192, KalamDataType.embedding(8192).precision());
    }

    @ParameterizedTest(name = "{0} is \"{1}\" on the wire")
    @CsvSource({
        "BOOLEAN, Boolean", "SMALLINT, SmallInt", "INT, Int", "BIGINT, BigInt", "FLOAT, Float",
        "DOUBLE, Double", "TEXT, Text", "BYTES, Bytes", "JSON, Json", "DATE, Date", "TIME, Time",
        "TIMESTAMP, Timestamp", "DATETIME, DateTime", "UUID, Uuid", "FILE, File"
    })
    void wireNameOfSimpleTypesIsTheDesignName(String type, String wire) {
        assertEquals(wire, sql(type).wireName());
    }

    @Test
    void wireNameOfParameterisedTypesIsAnObject() throws Exception {
        assertEquals("{\"Decimal\":{\"precision\":10,\"scale\":2}}",
                JSON.writeValueAsString(KalamDataType.decimal(10, 2).wireName()));
        assertEquals("{\"Embedding\":384}", JSON.writeValueAsString(KalamDataType.embedding(384).wireName()));
    }

    @Test
    void smallintAcceptsItsRangeOnly() {
        assertEquals((short) 32767, KalamDataType.SMALLINT.coerce(32767));
        assertEquals((short) -32768, KalamDataType.SMALLINT.coerce(-32768L));
        assertEquals((short) 12, KalamDataType.SMALLINT.coerce("12"));
        assertTrue(violation(KalamDataType.SMALLINT, 32768).getMessage().contains("out of range for SMALLINT"));
        violation(KalamDataType.SMALLINT, -32769);
        violation(KalamDataType.SMALLINT, 1.5);
    }

    @Test
    void intRefusesOverflowAndBigintRefusesBeyondLong() {
        assertEquals(Integer.MAX_VALUE, KalamDataType.INT.coerce((long) Integer.MAX_VALUE));
        assertEquals(42, KalamDataType.INT.coerce("42"));
        assertTrue(violation(KalamDataType.INT, 2_147_483_648L).getMessage().contains("out of range for INT"));
        violation(KalamDataType.INT, "forty-two");
        assertEquals(Long.MAX_VALUE, KalamDataType.BIGINT.coerce(new BigDecimal(Long.MAX_VALUE)));
        assertEquals(7L, KalamDataType.BIGINT.coerce(7));
        violation(KalamDataType.BIGINT, new BigDecimal("9223372036854775808"));
    }

    @Test
    void decimalRoundsToItsScaleHalfUp() {
        KalamDataType money = KalamDataType.decimal(10, 2);
        assertEquals(new BigDecimal("12.35"), money.coerce("12.345"));
        assertEquals(new BigDecimal("-12.35"), money.coerce(-12.345));
        assertEquals(new BigDecimal("7.00"), money.coerce(7L));
        assertEquals(new BigDecimal("99999999.99"), money.coerce("99999999.994"));
    }

    @Test
    void decimalRefusesMoreIntegerDigitsThanPrecisionMinusScale() {
        KalamDataType money = KalamDataType.decimal(10, 2);
        assertTrue(violation(money, "123456789.1").getMessage().contains("more than 8 digits before the decimal point"));
        violation(money, "99999999.995");
        violation(KalamDataType.decimal(5, 5), 1);
        assertEquals(new BigDecimal("0.50000"), KalamDataType.decimal(5, 5).coerce("0.5"));
    }

    @Test
    void dateAndTimestampParseIsoStrings() {
        assertEquals(19_724, KalamDataType.DATE.coerce("2024-01-02"));
        assertEquals(1_704_164_645_678_000L, KalamDataType.TIMESTAMP.coerce("2024-01-02T03:04:05.678Z"));
        assertEquals(1_704_157_445_678_000L, KalamDataType.TIMESTAMP.coerce("2024-01-02T03:04:05.678+02:00"));
        assertEquals(1_704_164_645_000_000L, KalamDataType.TIMESTAMP.coerce("2024-01-02 03:04:05"));
        assertEquals(1_704_153_600_000_000L, KalamDataType.DATETIME.coerce("2024-01-02"));
        assertEquals(45_296_500_000L, KalamDataType.TIME.coerce("12:34:56.5"));
        violation(KalamDataType.DATE, "2024-13-01");
        violation(KalamDataType.TIMESTAMP, "yesterday");
    }

    @Test
    void timestampKeepsMillisecondPrecision() {
        assertEquals(1_704_164_645_678_000L, KalamDataType.TIMESTAMP.coerce(1_704_164_645_678_999L));
        assertEquals(0L, ((Long) KalamDataType.TIMESTAMP.coerce("2024-01-02T03:04:05.678912Z")) % 1000);
    }

    @Test
    void uuidIsCanonicalLowerCase() {
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                KalamDataType.UUID_TYPE.coerce("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"));
        violation(KalamDataType.UUID_TYPE, "not-a-uuid");
        violation(KalamDataType.UUID_TYPE, "1-1-1-1-1");
        violation(KalamDataType.UUID_TYPE, "a0eebc999c0b4ef8bb6d6bb9bd380a11");
    }

    @Test
    void jsonIsStoredAsCompactText() {
        assertEquals("{\"a\":1,\"b\":[true,null]}", KalamDataType.JSON_TYPE.coerce("{ \"a\" : 1, \"b\": [true, null] }"));
        assertEquals("{\"a\":[1,2]}", KalamDataType.JSON_TYPE.coerce(Map.of("a", List.of(1, 2))));
        assertEquals("\"x\"", KalamDataType.JSON_TYPE.coerce("\"x\""));
        assertEquals("42", KalamDataType.JSON_TYPE.coerce("42"));
    }

    @Test
    void invalidJsonIsRefused() {
        assertTrue(violation(KalamDataType.JSON_TYPE, "{a:1}").getMessage().contains("not valid JSON"));
        violation(KalamDataType.JSON_TYPE, "{\"a\":1} trailing");
        violation(KalamDataType.JSON_TYPE, "{\"a\":1}}");
        violation(KalamDataType.JSON_TYPE, "");
    }

    @Test
    void embeddingNeedsExactlyItsDimension() {
        KalamDataType vec = KalamDataType.embedding(3);
        assertArrayEquals(new float[] {1f, 2.5f, 3f}, (float[]) vec.coerce(List.of(1, 2.5, 3)));
        assertArrayEquals(new float[] {1f, 2f, 3f}, (float[]) vec.coerce("[1, 2, 3]"));
        assertTrue(violation(vec, List.of(1, 2)).getMessage().contains("expected 3 dimensions, got 2"));
        violation(vec, new float[4]);
        violation(vec, List.of(1, "x", 3));
    }

    @Test
    void booleanTextAndBytesCoercions() {
        assertEquals(Boolean.TRUE, KalamDataType.BOOLEAN.coerce("yes"));
        assertEquals(Boolean.FALSE, KalamDataType.BOOLEAN.coerce("f"));
        violation(KalamDataType.BOOLEAN, "maybe");
        assertEquals("5", KalamDataType.TEXT.coerce(5));
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), (byte[]) KalamDataType.BYTES.coerce("hi"));
        violation(KalamDataType.BYTES, 5);
    }

    @Test
    void nullStaysNullForEveryType() {
        for (KalamDataType t : List.of(KalamDataType.BOOLEAN, KalamDataType.BIGINT, KalamDataType.JSON_TYPE,
                KalamDataType.decimal(10, 2), KalamDataType.embedding(2), KalamDataType.TIMESTAMP)) {
            assertNull(t.coerce(null));
            assertNull(t.toJsonValue(null));
        }
    }

    @Test
    void toJsonValueEncodesPerTheHttpContract() throws Exception {
        assertEquals("9007199254740993", KalamDataType.BIGINT.toJsonValue(9_007_199_254_740_993L));
        assertEquals("12.30", KalamDataType.decimal(10, 2).toJsonValue(new BigDecimal("12.30")));
        assertEquals("0.00000001", KalamDataType.decimal(10, 8).toJsonValue(new BigDecimal("0.00000001")));
        assertEquals("aGk=", KalamDataType.BYTES.toJsonValue("hi".getBytes(StandardCharsets.UTF_8)));
        assertEquals(5, KalamDataType.INT.toJsonValue(5));
        assertEquals(1_704_164_645_678_000L, KalamDataType.TIMESTAMP.toJsonValue(1_704_164_645_678_000L));

        Object tree = KalamDataType.JSON_TYPE.toJsonValue("{\"a\":[1,2]}");
        assertTrue(tree instanceof JsonNode, "JSON is embedded as a tree, not a string");
        assertEquals("{\"x\":{\"a\":[1,2]}}", JSON.writeValueAsString(Map.of("x", tree)));
    }
}
