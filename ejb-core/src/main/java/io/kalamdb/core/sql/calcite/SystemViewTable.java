package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.system.SystemView;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A {@link SystemView} as a Calcite table; reading it needs the access policy's consent (dba and up), except
 * that in a view with an owner column a lesser role reads its own rows.
 */
final class SystemViewTable extends AbstractTable implements ScannableTable {
    private final SystemView view;
    private final AccessPolicy policy;

    SystemViewTable(SystemView view, AccessPolicy policy) {
        this.view = view;
        this.policy = policy;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (ColumnDefinition c : view.definition().columns()) {
            b.add(c.name(), CalciteTypes.toRelType(f, c.dataType(), c.nullable()));
        }
        return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        SqlSession session = KalamDataContext.session(root);
        int owner = view.ownerColumn();
        boolean ownRowsOnly = owner >= 0 && policy.readsOnlyOwnRows(session.role());
        if (!ownRowsOnly) {
            policy.checkRead(view.definition(), session.role());
        }
        List<ColumnDefinition> cols = view.definition().columns();
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : view.rows().get()) {
            if (ownRowsOnly && !session.user().value().equals(row[owner])) {
                continue;
            }
            Object[] converted = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                converted[i] = CalciteTypes.toCalcite(cols.get(i).dataType(), row[i]);
            }
            out.add(converted);
        }
        return Linq4j.asEnumerable(out);
    }
}
