package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.SchemaEvolution;
import io.kalamdb.core.table.TableStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlKind;

/**
 * A USER, SHARED or STREAM table as Calcite sees it: the user columns in ordinal order, then the system
 * columns {@code _seq} (BIGINT) and — on USER and SHARED tables only — {@code _deleted} (BOOLEAN), which
 * {@code SELECT *} hides. A STREAM table deletes for good, so it has no {@code _deleted} column and naming one
 * is an unknown-column error.
 *
 * <p>Scans read only the caller's partition of a per-user table (the owner comes from the
 * {@link KalamDataContext}), check read access with the {@link AccessPolicy}, hide soft-deleted rows unless
 * a filter mentions {@code _deleted}, and push an equality on the primary key down to a single point get
 * (removing that filter, as a {@link ProjectableFilterableTable} may) — except on STREAM tables, whose rows
 * are keyed by {@code _seq}.
 */
public final class KalamTable extends AbstractTable implements ProjectableFilterableTable {
    private final TableDefinition def;
    private final TableStore store;
    private final AccessPolicy policy;
    private final int pkIndex;
    private final int seqIndex;
    /** Index of {@code _deleted}, or -1 if the table has none (STREAM). */
    private final int deletedIndex;
    private final int width;

    /** Creates the Calcite view of one table at its current schema version. */
    public KalamTable(TableDefinition def, TableStore store, AccessPolicy policy) {
        this.def = def;
        this.store = store;
        this.policy = policy;
        this.pkIndex = def.columns().indexOf(def.primaryKey());
        this.seqIndex = def.columns().size();
        this.deletedIndex = def.type().hasSoftDeletes() ? seqIndex + 1 : -1;
        this.width = def.type().hasSoftDeletes() ? seqIndex + 2 : seqIndex + 1;
    }

    /** @return the definition this view was built from */
    public TableDefinition definition() {
        return def;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (ColumnDefinition c : def.columns()) {
            b.add(c.name(), CalciteTypes.toRelType(f, c.dataType(), c.nullable()));
        }
        b.add(TableDefinition.SEQ_COLUMN, CalciteTypes.toRelType(f, KalamDataType.BIGINT, false));
        if (deletedIndex >= 0) {
            b.add(TableDefinition.DELETED_COLUMN, CalciteTypes.toRelType(f, KalamDataType.BOOLEAN, false));
        }
        return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        SqlSession session = KalamDataContext.session(root);
        policy.checkRead(def, session.role());
        UserId owner = def.type().isPerUser() ? session.user() : null;
        boolean includeDeleted = false;
        for (RexNode f : filters) {
            includeDeleted |= deletedIndex >= 0 && RelOptUtil.InputFinder.bits(f).get(deletedIndex);
        }
        Object pointKey = null;
        for (Iterator<RexNode> it = filters.iterator(); it.hasNext(); ) {
            Object key = pkEquality(it.next(), root);
            if (key != null) {
                pointKey = key;
                it.remove();
                break;
            }
        }
        int[] cols = projects != null ? projects : identity(width);
        boolean withDeleted = includeDeleted;
        if (pointKey != null) {
            StoredRow row = store.get(owner, pointKey);
            List<Object[]> out = row == null || (row.deleted() && !withDeleted)
                    ? Collections.emptyList() : List.<Object[]>of(project(row, cols));
            return Linq4j.asEnumerable(out);
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new RowEnumerator(store.scan(owner, null), cols, withDeleted, KalamDataContext.budget(root));
            }
        };
    }

    private Object pkEquality(RexNode filter, DataContext root) {
        if (filter.getKind() != SqlKind.EQUALS || def.type() == TableType.STREAM) {
            return null;
        }
        List<RexNode> ops = ((RexCall) filter).getOperands();
        for (int i = 0; i < 2; i++) {
            RexNode ref = RexUtil.removeCast(ops.get(i));
            RexNode other = RexUtil.removeCast(ops.get(1 - i));
            if (ref instanceof RexInputRef r && r.getIndex() == pkIndex) {
                Object value = null;
                if (other instanceof RexLiteral lit) {
                    value = lit.getValue2();
                } else if (other instanceof RexDynamicParam p) {
                    value = root.get("?" + p.getIndex());
                }
                KalamDataType pkType = def.primaryKey().dataType();
                boolean fits = pkType.kind() == KalamDataType.Kind.TEXT ? value instanceof String
                        : value instanceof Number;
                return fits ? pkType.coerce(value) : null;
            }
        }
        return null;
    }

    private Object[] project(StoredRow row, int[] cols) {
        Object[] out = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            int c = cols[i];
            if (c == seqIndex) {
                out[i] = row.seq();
            } else if (c == deletedIndex) {
                out[i] = row.deleted();
            } else {
                ColumnDefinition col = def.columns().get(c);
                out[i] = CalciteTypes.toCalcite(col.dataType(), SchemaEvolution.currentValue(def, row, col));
            }
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /**
     * Streams decoded rows out of a RocksDB range scan, closing it with the enumerator; every row read ticks the
     * statement's {@link QueryBudget}, so a query past its timeout stops inside its scans.
     */
    private final class RowEnumerator implements Enumerator<Object[]> {
        private final TableStore.RowScan scan;
        private final int[] cols;
        private final boolean withDeleted;
        private final QueryBudget budget;
        private Object[] current;

        RowEnumerator(TableStore.RowScan scan, int[] cols, boolean withDeleted, QueryBudget budget) {
            this.scan = scan;
            this.cols = cols;
            this.withDeleted = withDeleted;
            this.budget = budget;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            while (scan.hasNext()) {
                budget.tick();
                StoredRow row = scan.next();
                if (!row.deleted() || withDeleted) {
                    current = project(row, cols);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("reset");
        }

        @Override
        public void close() {
            scan.close();
        }
    }
}
