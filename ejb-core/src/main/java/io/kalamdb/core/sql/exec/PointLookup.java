package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.SchemaEvolution;
import io.kalamdb.core.table.TableStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * The direct path of primary-key point queries: {@code SELECT cols|* FROM t WHERE pk = <literal|param>}
 * with nothing else (no DISTINCT, GROUP BY, ORDER BY, LIMIT, expressions or joins) is answered with one
 * RocksDB get in the caller's partition, without Calcite. Any other shape — or an unknown table or column,
 * so that errors read the same as on the planned path — is left to the planner.
 */
public final class PointLookup {
    private final Catalog catalog;
    private final TableResolver resolver;
    private final AccessPolicy policy;
    private final TableStores tables;

    /** Creates the direct path over the engine's catalog and stores. */
    public PointLookup(Catalog catalog, TableResolver resolver, AccessPolicy policy, TableStores tables) {
        this.catalog = catalog;
        this.resolver = resolver;
        this.policy = policy;
        this.tables = tables;
    }

    /**
     * @return the result if {@code query} is a point query this path answers, else empty
     * @throws KalamException PERMISSION_DENIED, INVALID_PARAMETER (missing parameter)
     */
    public Optional<StatementResult> tryExecute(SqlNode query, StatementContext ctx) {
        if (!(query instanceof SqlSelect s) || s.isDistinct() || s.getGroup() != null || s.getHaving() != null
                || s.getOrderList() != null || s.getOffset() != null || s.getFetch() != null
                || !(s.getFrom() instanceof SqlIdentifier from) || s.getWhere() == null) {
            return Optional.empty();
        }
        TableDefinition def = definition(from, ctx);
        if (def == null || def.type() == TableType.SYSTEM || def.type() == TableType.STREAM) {
            return Optional.empty();
        }
        Optional<Object> key = PrimaryKeyPredicate.match(s.getWhere(), def, null, ctx);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<ResultColumn> schema = new ArrayList<>();
        List<ColumnDefinition> cols = new ArrayList<>();
        for (SqlNode item : s.getSelectList()) {
            if (!(item instanceof SqlIdentifier id) || id.names.size() != 1 && !id.isStar()) {
                return Optional.empty();
            }
            if (id.isStar()) {
                def.columns().forEach(c -> {
                    cols.add(c);
                    schema.add(ResultColumn.of(c));
                });
            } else if (id.getSimple().equals(TableDefinition.SEQ_COLUMN)) {
                cols.add(null);
                schema.add(ResultColumn.of(TableDefinition.SEQ_COLUMN, KalamDataType.BIGINT));
            } else {
                Optional<ColumnDefinition> c = def.column(id.getSimple());
                if (c.isEmpty()) {
                    return Optional.empty();
                }
                cols.add(c.get());
                schema.add(ResultColumn.of(c.get()));
            }
        }
        policy.checkRead(def, ctx.session().role());
        StoredRow row = tables.forTable(def).get(def.type().isPerUser() ? ctx.session().user() : null, key.get());
        List<Object[]> rows = new ArrayList<>();
        if (row != null && !row.deleted()) {
            Object[] out = new Object[cols.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cols.get(i) == null ? (Object) row.seq()
                        : SchemaEvolution.currentValue(def, row, cols.get(i));
            }
            rows.add(out);
        }
        return Optional.of(new StatementResult(schema, rows, rows.size(), null, ctx.session().user()));
    }

    private TableDefinition definition(SqlIdentifier from, StatementContext ctx) {
        try {
            TableId id = resolver.id(from, ctx.session().namespace());
            return catalog.table(id).orElse(null);
        } catch (KalamException e) {
            return null;
        }
    }
}
