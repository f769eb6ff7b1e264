package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlShowStats;
import io.kalamdb.core.stats.EngineStats;
import io.kalamdb.core.stats.TableStats;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SHOW STATS [FOR TABLE t]} (dba and system only): one row per table — namespace_id, table_name,
 * table_type, hot_rows (RocksDB's estimate), hot_bytes, cold_rows, segments, cold_bytes, partitions.
 */
public final class StatsHandler {
    private final EngineStats stats;
    private final Catalog catalog;
    private final TableResolver resolver;
    private final AccessPolicy policy;

    /**
     * @param stats    the figures
     * @param catalog  to check a named table exists
     * @param resolver resolves the table name against the session's namespace
     * @param policy   who may look
     */
    public StatsHandler(EngineStats stats, Catalog catalog, TableResolver resolver, AccessPolicy policy) {
        this.stats = stats;
        this.catalog = catalog;
        this.resolver = resolver;
        this.policy = policy;
    }

    /**
     * @throws KalamException PERMISSION_DENIED below dba, TABLE_NOT_FOUND for an unknown table
     */
    public StatementResult show(SqlShowStats stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        TableId only = null;
        if (stmt.getTableName() != null) {
            only = catalog.requireTable(resolver.id(stmt.getTableName(), ctx.session().namespace())).id();
        }
        List<Object[]> rows = new ArrayList<>();
        for (TableStats t : stats.tables(only)) {
            rows.add(new Object[] {t.table().namespace().value(), t.table().name().value(), t.type().name(),
                t.hotRows(), t.hotBytes(), t.coldRows(), t.segments(), t.coldBytes(), t.partitions()});
        }
        return new StatementResult(List.of(ResultColumn.of("namespace_id", KalamDataType.TEXT),
                ResultColumn.of("table_name", KalamDataType.TEXT), ResultColumn.of("table_type", KalamDataType.TEXT),
                ResultColumn.of("hot_rows", KalamDataType.BIGINT), ResultColumn.of("hot_bytes", KalamDataType.BIGINT),
                ResultColumn.of("cold_rows", KalamDataType.BIGINT), ResultColumn.of("segments", KalamDataType.BIGINT),
                ResultColumn.of("cold_bytes", KalamDataType.BIGINT),
                ResultColumn.of("partitions", KalamDataType.BIGINT)), rows, rows.size(), null, ctx.session().user());
    }
}
