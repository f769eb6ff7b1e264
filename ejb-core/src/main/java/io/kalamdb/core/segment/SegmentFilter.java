package io.kalamdb.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conjunction of simple predicates on the columns of a segment, by column id, for
 * {@link SegmentReader#scan}. Immutable: each builder method returns a new filter with one more predicate.
 * <p>
 * Literals are canonical values of the column's current type (see {@code KalamDataType}): Boolean; Short,
 * Integer or Long for SMALLINT/INT/BIGINT, DATE (Integer days), TIME and TIMESTAMP/DATETIME (Long
 * microseconds); Float or Double; BigDecimal for DECIMAL; String for TEXT, JSON, FILE and UUID; byte[] for
 * BYTES. EMBEDDING columns cannot be filtered. A literal of a wider type than a file's column (the column was
 * widened by ALTER TABLE after the file was written) is compared exactly, by value.
 * <p>
 * Semantics are SQL's: a comparison never matches NULL. Numbers, dates and times compare by value, BOOLEAN as
 * false &lt; true, TEXT/JSON/FILE by UTF-8 bytes (= Unicode code points, the primary-key order of KeyCodec),
 * BYTES by unsigned bytes, UUID by its 16 bytes (= its canonical text). A column a file does not have (added
 * after the file was written) is NULL in every row of that file.
 */
public final class SegmentFilter {

    /** Predicate operators. */
    public enum Op {
        /** column = literal */
        EQ,
        /** column &lt; literal */
        LT,
        /** column &lt;= literal */
        LE,
        /** column &gt; literal */
        GT,
        /** column &gt;= literal */
        GE,
        /** column IS NULL (no literal) */
        IS_NULL,
        /** column IS NOT NULL (no literal) */
        IS_NOT_NULL;

        /** @return true for IS_NULL and IS_NOT_NULL, which take no literal */
        public boolean isNullCheck() {
            return this == IS_NULL || this == IS_NOT_NULL;
        }
    }

    /**
     * One predicate.
     *
     * @param columnId the column's stable id
     * @param op       the operator
     * @param literal  the canonical literal; null exactly for IS_NULL / IS_NOT_NULL
     */
    public record Predicate(int columnId, Op op, Object literal) {
        /** @throws IllegalArgumentException if the literal is missing for a comparison or given for a null check */
        public Predicate {
            Objects.requireNonNull(op, "op");
            if (op.isNullCheck() != (literal == null)) {
                throw new IllegalArgumentException(op.isNullCheck() ? op + " takes no literal"
                        : op + " needs a non-null literal (use IS_NULL for NULL)");
            }
        }
    }

    private static final SegmentFilter ALL = new SegmentFilter(List.of());

    private final List<Predicate> predicates;

    private SegmentFilter(List<Predicate> predicates) {
        this.predicates = predicates;
    }

    /** @return the filter that keeps every row */
    public static SegmentFilter all() {
        return ALL;
    }

    /** @return this filter AND {@code predicate} */
    public SegmentFilter and(Predicate predicate) {
        List<Predicate> more = new ArrayList<>(predicates);
        more.add(Objects.requireNonNull(predicate, "predicate"));
        return new SegmentFilter(List.copyOf(more));
    }

    /** @return this filter AND column = literal */
    public SegmentFilter eq(int columnId, Object literal) {
        return and(new Predicate(columnId, Op.EQ, literal));
    }

    /** @return this filter AND column &lt; literal */
    public SegmentFilter lt(int columnId, Object literal) {
        return and(new Predicate(columnId, Op.LT, literal));
    }

    /** @return this filter AND column &lt;= literal */
    public SegmentFilter le(int columnId, Object literal) {
        return and(new Predicate(columnId, Op.LE, literal));
    }

    /** @return this filter AND column &gt; literal */
    public SegmentFilter gt(int columnId, Object literal) {
        return and(new Predicate(columnId, Op.GT, literal));
    }

    /** @return this filter AND column &gt;= literal */
    public SegmentFilter ge(int columnId, Object literal) {
        return and(new Predicate(columnId, Op.GE, literal));
    }

    /** @return this filter AND column IS NULL */
    public SegmentFilter isNull(int columnId) {
        return and(new Predicate(columnId, Op.IS_NULL, null));
    }

    /** @return this filter AND column IS NOT NULL */
    public SegmentFilter isNotNull(int columnId) {
        return and(new Predicate(columnId, Op.IS_NOT_NULL, null));
    }

    /** @return the predicates, all of which a row must satisfy; empty for {@link #all()} */
    public List<Predicate> predicates() {
        return predicates;
    }

    @Override
    public String toString() {
        return predicates.isEmpty() ? "all" : predicates.toString();
    }
}
