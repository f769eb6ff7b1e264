package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.model.KalamDataType;
import java.math.BigDecimal;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Mapping between {@link KalamDataType} and Calcite's types and internal value representations. Calcite
 * keeps TIMESTAMP as epoch milliseconds (Long), TIME as milliseconds of the day (Integer), DATE as days
 * (Integer), binary as {@link ByteString}; KalamDB keeps microseconds and {@code byte[]}. JSON, UUID and
 * FILE are VARCHAR to Calcite; EMBEDDING is ANY (projectable, not comparable).
 */
public final class CalciteTypes {
    private CalciteTypes() {
    }

    /** @return the Calcite type of a column */
    public static RelDataType toRelType(RelDataTypeFactory f, KalamDataType t, boolean nullable) {
        RelDataType base = switch (t.kind()) {
            case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
            case SMALLINT -> f.createSqlType(SqlTypeName.SMALLINT);
            case INT -> f.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
            case FLOAT -> f.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
            case TEXT, JSON, UUID, FILE -> f.createSqlType(SqlTypeName.VARCHAR);
            case BYTES -> f.createSqlType(SqlTypeName.VARBINARY);
            case DATE -> f.createSqlType(SqlTypeName.DATE);
            case TIME -> f.createSqlType(SqlTypeName.TIME);
            case TIMESTAMP, DATETIME -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case EMBEDDING -> f.createSqlType(SqlTypeName.ANY);
        };
        return f.createTypeWithNullability(base, nullable);
    }

    /**
     * @return the KalamDB type that best describes a Calcite expression type (for computed result columns)
     */
    public static KalamDataType fromRelType(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> KalamDataType.BOOLEAN;
            case TINYINT, SMALLINT -> KalamDataType.SMALLINT;
            case INTEGER -> KalamDataType.INT;
            case BIGINT -> KalamDataType.BIGINT;
            case REAL, FLOAT -> KalamDataType.FLOAT;
            case DOUBLE -> KalamDataType.DOUBLE;
            case DECIMAL -> KalamDataType.decimal(Math.max(1, Math.min(38, type.getPrecision())),
                    Math.max(0, Math.min(type.getScale(), Math.min(38, type.getPrecision()))));
            case BINARY, VARBINARY -> KalamDataType.BYTES;
            case DATE -> KalamDataType.DATE;
            case TIME, TIME_WITH_LOCAL_TIME_ZONE -> KalamDataType.TIME;
            case TIMESTAMP -> KalamDataType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> KalamDataType.DATETIME;
            default -> KalamDataType.TEXT;
        };
    }

    /** @return a canonical KalamDB value in Calcite's representation */
    public static Object toCalcite(KalamDataType t, Object v) {
        if (v == null) {
            return null;
        }
        return switch (t.kind()) {
            case TIMESTAMP, DATETIME -> Math.floorDiv((Long) v, 1000L);
            case TIME -> (int) ((Long) v / 1000L);
            case BYTES -> new ByteString((byte[]) v);
            default -> v;
        };
    }

    /**
     * @return a Calcite value converted to the canonical value of {@code t}
     * @throws io.kalamdb.core.model.KalamException CONSTRAINT_VIOLATION if it does not fit the type
     */
    public static Object fromCalcite(KalamDataType t, Object v) {
        if (v == null) {
            return null;
        }
        Object plain = switch (t.kind()) {
            case TIMESTAMP, DATETIME -> v instanceof Number n ? n.longValue() * 1000L : v;
            case TIME -> v instanceof Number n ? n.longValue() * 1000L : v;
            case BYTES -> v instanceof ByteString b ? b.getBytes() : v;
            case TEXT, JSON, UUID, FILE -> v instanceof Character || v instanceof BigDecimal ? v.toString() : v;
            default -> v;
        };
        return t.coerce(plain);
    }
}
