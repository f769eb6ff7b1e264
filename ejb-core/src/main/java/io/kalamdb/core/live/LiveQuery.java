package io.kalamdb.core.live;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.calcite.CalciteTypes;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.SchemaEvolution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.schema.SchemaPlus;

/**
 * One subscription's compiled query ({@link LiveQueryCompiler}): the table, a row predicate and a projection,
 * both generated once as Java code by Calcite's {@code RexExecutorImpl} and evaluated per row without
 * planning. Rows are fed in Calcite's representation (the table's columns, then {@code _seq} and, except on
 * STREAM tables, {@code _deleted}) through the {@code inputRecord} of a {@link DataContext} that also answers
 * {@code CURRENT_USER} with the subscriber. Immutable and thread-safe.
 */
public final class LiveQuery {
    private final TableDefinition table;
    private final String sql;
    private final UserId subscriber;
    private final List<ResultColumn> schema;
    private final Function1<DataContext, Object[]> filter;
    private final Function1<DataContext, Object[]> projection;
    private final Shape shape;

    LiveQuery(TableDefinition table, String sql, UserId subscriber, List<ResultColumn> schema,
              Function1<DataContext, Object[]> filter, Function1<DataContext, Object[]> projection) {
        this.table = table;
        this.sql = sql;
        this.subscriber = subscriber;
        this.schema = List.copyOf(schema);
        this.filter = filter;
        this.projection = projection;
        this.shape = new Shape(table.id(), table.schemaVersion(), sql, subscriber);
    }

    /** @return the subscribed table, at the schema version the query was compiled against */
    public TableDefinition table() {
        return table;
    }

    /** @return the subscription SQL as given */
    public String sql() {
        return sql;
    }

    /**
     * The identity of what this query computes: two queries of equal shape match and project every row
     * identically (same table version, same text, same subscriber for {@code CURRENT_USER()}), so one
     * change's {@link LiveEvent.Delta} can be shared by all their subscriptions.
     *
     * @return a key with value equality
     */
    public Object shape() {
        return shape;
    }

    private record Shape(TableId table, int schemaVersion, String sql, UserId subscriber) {
    }

    /** @return the result columns in projection order (without {@code _seq}) */
    public List<ResultColumn> schema() {
        return schema;
    }

    /**
     * @return whether the row is live (not a tombstone) and satisfies the WHERE; a WHERE that evaluates to
     *         NULL (e.g. a comparison with NULL) does not match
     */
    public boolean matches(StoredRow row) {
        if (row == null || row.deleted()) {
            return false;
        }
        if (filter == null) {
            return true;
        }
        return Boolean.TRUE.equals(filter.apply(new RowContext(calciteRow(row)))[0]);
    }

    /** @return the row projected: result columns in order (canonical values), then {@code _seq} */
    public Map<String, Object> project(StoredRow row) {
        Object[] values = projection.apply(new RowContext(calciteRow(row)));
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            ResultColumn c = schema.get(i);
            out.put(c.name(), CalciteTypes.fromCalcite(c.type(), values[i]));
        }
        out.put(TableDefinition.SEQ_COLUMN, row.seq());
        return out;
    }

    private Object[] calciteRow(StoredRow row) {
        List<ColumnDefinition> cols = table.columns();
        boolean softDeletes = table.type().hasSoftDeletes();
        Object[] record = new Object[cols.size() + (softDeletes ? 2 : 1)];
        for (int i = 0; i < cols.size(); i++) {
            ColumnDefinition c = cols.get(i);
            record[i] = CalciteTypes.toCalcite(c.dataType(), SchemaEvolution.currentValue(table, row, c));
        }
        record[cols.size()] = row.seq();
        if (softDeletes) {
            record[cols.size() + 1] = row.deleted();
        }
        return record;
    }

    /** The evaluation context of one row: the input record and the subscriber. */
    private final class RowContext implements DataContext {
        private final Object[] record;

        RowContext(Object[] record) {
            this.record = record;
        }

        @Override
        public SchemaPlus getRootSchema() {
            return null;
        }

        @Override
        public JavaTypeFactory getTypeFactory() {
            return null;
        }

        @Override
        public QueryProvider getQueryProvider() {
            return null;
        }

        @Override
        public Object get(String name) {
            if ("inputRecord".equals(name)) {
                return record;
            }
            if (Variable.USER.camelName.equals(name) || Variable.SYSTEM_USER.camelName.equals(name)) {
                return subscriber.value();
            }
            if (Variable.CURRENT_TIMESTAMP.camelName.equals(name) || Variable.LOCAL_TIMESTAMP.camelName.equals(name)
                    || Variable.UTC_TIMESTAMP.camelName.equals(name)) {
                return System.currentTimeMillis();
            }
            if (Variable.TIME_ZONE.camelName.equals(name)) {
                return TimeZone.getTimeZone("UTC");
            }
            if (Variable.LOCALE.camelName.equals(name)) {
                return Locale.ROOT;
            }
            return null;
        }
    }
}
