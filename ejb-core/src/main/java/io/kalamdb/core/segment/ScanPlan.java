package io.kalamdb.core.segment;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.segment.ColumnCodec.Bounds;
import io.kalamdb.core.segment.SegmentFilter.Op;
import io.kalamdb.core.segment.SegmentFilter.Predicate;
import java.util.Map;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * A {@link SegmentFilter} translated for one file: a Parquet {@link FilterPredicate} over the file's columns
 * (used for row-group statistics, bloom filters, page indexes and record-level filtering), or the knowledge
 * that no row can match.
 *
 * @param predicate the Parquet predicate; null when every row matches
 * @param empty     true when no row of the file can match
 */
record ScanPlan(FilterPredicate predicate, boolean empty) {
    private static final ScanPlan EMPTY = new ScanPlan(null, true);

    /** @return the record-level filter of this plan */
    FilterCompat.Filter recordFilter() {
        return predicate == null ? FilterCompat.NOOP : FilterCompat.get(predicate);
    }

    /**
     * @param filter  the filter
     * @param columns the file's columns by column id
     * @return the plan
     * @throws KalamException INTERNAL_ERROR for a literal of the wrong class or a predicate on an EMBEDDING
     */
    static ScanPlan of(SegmentFilter filter, Map<Integer, FileColumn> columns) {
        FilterPredicate all = null;
        for (Predicate p : filter.predicates()) {
            FileColumn column = columns.get(p.columnId());
            if (column == null) {
                if (p.op() == Op.IS_NULL) {
                    continue;
                }
                return EMPTY;
            }
            FilterPredicate one;
            try {
                one = translate(column, p);
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot filter column '" + column.name()
                        + "' by " + p.op() + " " + p.literal() + ": " + e.getMessage(), e);
            }
            if (one == null) {
                return EMPTY;
            }
            all = all == null ? one : FilterApi.and(all, one);
        }
        return new ScanPlan(all, false);
    }

    /** @return the Parquet predicate, or null when it matches no value of the column */
    private static FilterPredicate translate(FileColumn column, Predicate p) {
        ColumnCodec codec = column.codec();
        if (codec.kind() == ColumnCodec.Kind.VECTOR) {
            throw new IllegalArgumentException("EMBEDDING columns cannot be filtered");
        }
        PrimitiveTypeName physical = codec.physical();
        String path = column.name();
        if (p.op().isNullCheck()) {
            return predicate(physical, path, p.op(), null);
        }
        Bounds b = codec.bounds(p.literal());
        if (codec.kind() == ColumnCodec.Kind.BOOLEAN) {
            return booleanPredicate(path, p.op(), (Boolean) b.lo());
        }
        if (b.exact()) {
            return predicate(physical, path, p.op(), b.lo());
        }
        // The literal lies between two stored-representable values (or beyond the range of the file's type).
        return switch (p.op()) {
            case EQ -> null;
            case LT, LE -> b.lo() == null ? null : predicate(physical, path, Op.LE, b.lo());
            case GT, GE -> b.hi() == null ? null : predicate(physical, path, Op.GE, b.hi());
            case IS_NULL, IS_NOT_NULL -> throw new IllegalStateException("handled above");
        };
    }

    /** Parquet orders no BOOLEAN column, so order comparisons become equalities (false &lt; true). */
    private static FilterPredicate booleanPredicate(String path, Op op, boolean v) {
        Operators.BooleanColumn c = FilterApi.booleanColumn(path);
        return switch (op) {
            case EQ -> FilterApi.eq(c, v);
            case LT -> v ? FilterApi.eq(c, false) : null;
            case LE -> v ? FilterApi.notEq(c, null) : FilterApi.eq(c, false);
            case GT -> v ? null : FilterApi.eq(c, true);
            case GE -> v ? FilterApi.eq(c, true) : FilterApi.notEq(c, null);
            case IS_NULL, IS_NOT_NULL -> throw new IllegalStateException("null checks are not comparisons");
        };
    }

    private static FilterPredicate predicate(PrimitiveTypeName physical, String path, Op op, Comparable<?> v) {
        return switch (physical) {
            case BOOLEAN -> op == Op.IS_NULL ? FilterApi.eq(FilterApi.booleanColumn(path), null)
                    : FilterApi.notEq(FilterApi.booleanColumn(path), null);
            case INT32 -> ordered(FilterApi.intColumn(path), op, (Integer) v);
            case INT64 -> ordered(FilterApi.longColumn(path), op, (Long) v);
            case FLOAT -> ordered(FilterApi.floatColumn(path), op, (Float) v);
            case DOUBLE -> ordered(FilterApi.doubleColumn(path), op, (Double) v);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> ordered(FilterApi.binaryColumn(path), op, (Binary) v);
            case INT96 -> throw new IllegalArgumentException("INT96 is not a segment column type");
        };
    }

    private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
            FilterPredicate ordered(C column, Op op, T v) {
        return switch (op) {
            case EQ -> FilterApi.eq(column, v);
            case LT -> FilterApi.lt(column, v);
            case LE -> FilterApi.ltEq(column, v);
            case GT -> FilterApi.gt(column, v);
            case GE -> FilterApi.gtEq(column, v);
            case IS_NULL -> FilterApi.eq(column, null);
            case IS_NOT_NULL -> FilterApi.notEq(column, null);
        };
    }
}
