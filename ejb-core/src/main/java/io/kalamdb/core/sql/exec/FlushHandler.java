package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.jobs.JobManager;
import io.kalamdb.core.jobs.JobRecord;
import io.kalamdb.core.jobs.JobType;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableType;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlFlushAllTables;
import io.kalamdb.core.sql.parser.ast.SqlFlushTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code FLUSH TABLE t}, {@code FLUSH ALL TABLES [IN ns]} (and the upstream spellings
 * {@code STORAGE FLUSH TABLE|ALL}): submit {@code flush-table} jobs and return at once with their ids, one row
 * per table in a {@code job_id} column. At most one flush per table runs at a time: asking again while one is
 * queued or running returns that job's id (idempotency key {@code flush-table:<ns>.<t>}). A STREAM table is
 * never flushed to Parquet — its events live only in the hot store until their TTL (DESIGN.md §1) — so
 * flushing one is refused, and FLUSH ALL TABLES skips them. DDL rights (dba/system) are required.
 */
public final class FlushHandler {
    private final Catalog catalog;
    private final TableResolver resolver;
    private final AccessPolicy policy;
    private final JobManager jobs;

    /**
     * @param catalog  where table definitions live
     * @param resolver resolves the statement's table name against the session's namespace
     * @param policy   who may flush
     * @param jobs     where flush jobs are submitted
     */
    public FlushHandler(Catalog catalog, TableResolver resolver, AccessPolicy policy, JobManager jobs) {
        this.catalog = catalog;
        this.resolver = resolver;
        this.policy = policy;
        this.jobs = jobs;
    }

    /**
     * @return one row: the {@code job_id} of the table's flush
     * @throws KalamException PERMISSION_DENIED below dba, TABLE_NOT_FOUND, INVALID_SQL for a STREAM table
     */
    public StatementResult flushTable(SqlFlushTable stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        TableDefinition table = catalog.requireTable(resolver.id(stmt.getTableName(), ctx.session().namespace()));
        if (table.type() == TableType.STREAM) {
            throw KalamException.invalidSql("Cannot flush " + table.id() + ": STREAM tables are never flushed;"
                    + " their events stay in the hot store until TTL_SECONDS expires them");
        }
        return jobIds(List.of(submit(jobs, table.id())), ctx);
    }

    /**
     * @return one {@code job_id} row per USER and SHARED table (of the namespace, if given), by table name
     * @throws KalamException PERMISSION_DENIED below dba, NAMESPACE_NOT_FOUND for an unknown namespace
     */
    public StatementResult flushAll(SqlFlushAllTables stmt, StatementContext ctx) {
        policy.checkDdl(ctx.session().role());
        List<TableDefinition> tables;
        if (stmt.getNamespace() != null) {
            NamespaceId ns = new NamespaceId(stmt.getNamespace());
            catalog.requireNamespace(ns);
            tables = catalog.tablesIn(ns);
        } else {
            tables = catalog.allTables();
        }
        List<JobRecord> submitted = new ArrayList<>();
        for (TableDefinition table : tables) {
            if (table.type() != TableType.STREAM && !table.id().namespace().isReserved()) {
                submitted.add(submit(jobs, table.id()));
            }
        }
        return jobIds(submitted, ctx);
    }

    /**
     * Submits (or finds the queued or running) flush of a table.
     *
     * @return the job
     */
    public static JobRecord submit(JobManager jobs, TableId table) {
        return jobs.submit(JobType.FLUSH_TABLE, table, Map.of(), JobType.FLUSH_TABLE.wireName() + ":" + table);
    }

    private static StatementResult jobIds(List<JobRecord> submitted, StatementContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        for (JobRecord job : submitted) {
            rows.add(new Object[] {job.id().value()});
        }
        return new StatementResult(List.of(ResultColumn.of("job_id", KalamDataType.TEXT)), rows, rows.size(),
                "Flush of " + rows.size() + " table(s) submitted", ctx.session().user());
    }
}
