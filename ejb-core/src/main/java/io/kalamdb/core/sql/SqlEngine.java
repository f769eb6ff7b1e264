package io.kalamdb.core.sql;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.sql.exec.AlterTableHandler;
import io.kalamdb.core.sql.exec.DeleteHandler;
import io.kalamdb.core.sql.exec.DescribeHandler;
import io.kalamdb.core.sql.exec.ExecuteAsHandler;
import io.kalamdb.core.sql.exec.FlushHandler;
import io.kalamdb.core.sql.exec.StatementAudit;
import io.kalamdb.core.sql.exec.StatsHandler;
import io.kalamdb.core.sql.exec.InsertHandler;
import io.kalamdb.core.sql.exec.JobHandler;
import io.kalamdb.core.sql.exec.NamespaceHandler;
import io.kalamdb.core.sql.exec.PointLookup;
import io.kalamdb.core.sql.exec.QueryHandler;
import io.kalamdb.core.sql.exec.StatementContext;
import io.kalamdb.core.sql.exec.StorageHandler;
import io.kalamdb.core.sql.exec.SubscribeHandler;
import io.kalamdb.core.sql.exec.TableDdlHandler;
import io.kalamdb.core.sql.exec.UpdateHandler;
import io.kalamdb.core.sql.exec.UserHandler;
import io.kalamdb.core.sql.parser.ParsedStatement;
import io.kalamdb.core.sql.parser.ast.SqlAlterKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlAlterStorage;
import io.kalamdb.core.sql.parser.ast.SqlAlterUser;
import io.kalamdb.core.sql.parser.ast.SqlClearCache;
import io.kalamdb.core.sql.parser.ast.SqlCreateKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlCreateNamespace;
import io.kalamdb.core.sql.parser.ast.SqlCreateStorage;
import io.kalamdb.core.sql.parser.ast.SqlCreateUser;
import io.kalamdb.core.sql.parser.ast.SqlDescribeKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlDropKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlDropNamespace;
import io.kalamdb.core.sql.parser.ast.SqlDropStorage;
import io.kalamdb.core.sql.parser.ast.SqlDropUser;
import io.kalamdb.core.sql.parser.ast.SqlExecuteAsUser;
import io.kalamdb.core.sql.parser.ast.SqlFlushAllTables;
import io.kalamdb.core.sql.parser.ast.SqlFlushTable;
import io.kalamdb.core.sql.parser.ast.SqlInsertReturning;
import io.kalamdb.core.sql.parser.ast.SqlKillJob;
import io.kalamdb.core.sql.parser.ast.SqlShowStats;
import io.kalamdb.core.sql.parser.ast.SqlKillLiveQuery;
import io.kalamdb.core.sql.parser.ast.SqlShowNamespaces;
import io.kalamdb.core.sql.parser.ast.SqlShowStorages;
import io.kalamdb.core.sql.parser.ast.SqlShowTables;
import io.kalamdb.core.sql.parser.ast.SqlSubscribe;
import io.kalamdb.core.sql.parser.ast.SqlUseNamespace;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * The SQL entry point: parses a request's text into statements, runs them in order and returns one
 * {@link StatementResult} per statement (DESIGN.md §5). Statements run one after another, each committed on
 * its own; the first failure stops the batch and — when there are several statements — names its number
 * ({@code Statement 3 failed: …}); earlier statements stay committed. Parameters ({@code $1…$n} or
 * {@code ?}) are only allowed with a single statement.
 */
public final class SqlEngine {
    private final QueryPlanner planner;
    private final QueryHandler queries;
    private final PointLookup pointLookup;
    private final InsertHandler inserts;
    private final UpdateHandler updates;
    private final DeleteHandler deletes;
    private final NamespaceHandler namespaces;
    private final TableDdlHandler tableDdl;
    private final AlterTableHandler alterTable;
    private final DescribeHandler describe;
    private final UserHandler users;
    private final LiveQueryControl liveQueries;
    private final SubscribeHandler subscriptions;
    private final FlushHandler flushes;
    private final StorageHandler storages;
    private final JobHandler jobs;
    private final StatsHandler stats;
    private final StatementAudit audit;
    private final ExecuteAsHandler executeAs;
    private final InsertParseCache parseCache = new InsertParseCache();

    /** Wires the statement handlers and the audit of DDL, user changes and KILL; built by {@code KalamEngine}. */
    public SqlEngine(QueryPlanner planner, QueryHandler queries, PointLookup pointLookup, InsertHandler inserts,
                     UpdateHandler updates, DeleteHandler deletes, NamespaceHandler namespaces,
                     TableDdlHandler tableDdl, AlterTableHandler alterTable, DescribeHandler describe,
                     UserHandler users, LiveQueryControl liveQueries, SubscribeHandler subscriptions,
                     FlushHandler flushes, StorageHandler storages, JobHandler jobs, StatsHandler stats,
                     StatementAudit audit, ExecuteAsHandler executeAs) {
        this.audit = audit;
        this.executeAs = executeAs;
        this.subscriptions = subscriptions;
        this.flushes = flushes;
        this.storages = storages;
        this.jobs = jobs;
        this.stats = stats;
        this.planner = planner;
        this.queries = queries;
        this.pointLookup = pointLookup;
        this.inserts = inserts;
        this.updates = updates;
        this.deletes = deletes;
        this.namespaces = namespaces;
        this.tableDdl = tableDdl;
        this.alterTable = alterTable;
        this.describe = describe;
        this.users = users;
        this.liveQueries = liveQueries;
    }

    /**
     * Bounds every query that starts from now on (the statements {@link QueryLimits} names):
     * past {@code limits.statementTimeout()} it stops with SQL_EXECUTION_ERROR, past
     * {@code limits.maxResultRows()} rows with MESSAGE_TOO_LARGE. Unbounded ({@link QueryLimits#NONE}) until set.
     */
    public void queryLimits(QueryLimits limits) {
        queries.limits(limits);
    }

    /**
     * @param session the caller; {@code USE} changes its namespace for the rest of the batch
     * @param sql     one or more statements separated by {@code ;}
     * @param params  parameter values for {@code $1…$n} (JSON-ish Java values), or empty
     * @return one result per statement
     * @throws KalamException EMPTY_SQL, INVALID_SQL / BATCH_PARSE_ERROR (nothing ran), PARAMS_WITH_BATCH,
     *                        INVALID_PARAMETER, or the failing statement's error (prefixed with its number
     *                        in a batch)
     */
    public List<StatementResult> execute(SqlSession session, String sql, List<Object> params) {
        List<ParsedStatement> statements = parseCache.parse(sql);
        if (statements.size() > 1 && !params.isEmpty()) {
            throw new KalamException(ErrorCode.PARAMS_WITH_BATCH,
                    "Parameters cannot be used with multiple statements (" + statements.size() + " given)");
        }
        List<StatementResult> results = new ArrayList<>();
        for (ParsedStatement statement : statements) {
            try {
                StatementContext ctx = new StatementContext(session, statement.sql(), bind(statement, params));
                StatementResult result = dispatch(statement.node(), ctx);
                audit.record(statement.node(), ctx, result);
                results.add(result);
            } catch (KalamException e) {
                if (statements.size() == 1) {
                    throw e;
                }
                throw new KalamException(e.code(), "Statement " + statement.number() + " failed: " + e.getMessage(), e);
            }
        }
        return results;
    }

    private static List<Object> bind(ParsedStatement statement, List<Object> params) {
        if (params.size() > statement.paramCount()) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, params.size() + " parameter(s) given but the "
                    + "statement uses " + statement.paramCount());
        }
        List<Object> ordered = new ArrayList<>(statement.paramOrder().length);
        for (int index : statement.paramOrder()) {
            if (index >= params.size()) {
                throw new KalamException(ErrorCode.INVALID_PARAMETER, "Parameter $" + (index + 1)
                        + " is missing: " + params.size() + " parameter(s) given");
            }
            ordered.add(params.get(index));
        }
        return ordered;
    }

    private StatementResult dispatch(SqlNode node, StatementContext ctx) {
        if (node instanceof SqlInsertReturning r) {
            return inserts.execute(r.getInsert(), r.getReturning(), ctx);
        } else if (node instanceof SqlInsert i) {
            return inserts.execute(i, null, ctx);
        } else if (node instanceof SqlUpdate u) {
            return updates.execute(u, ctx);
        } else if (node instanceof SqlDelete d) {
            return deletes.execute(d, ctx);
        } else if (node.getKind().belongsTo(SqlKind.QUERY)) {
            return pointLookup.tryExecute(node, ctx).orElseGet(() -> queries.execute(node, ctx));
        } else if (node instanceof SqlCreateNamespace s) {
            return namespaces.create(s, ctx);
        } else if (node instanceof SqlDropNamespace s) {
            return namespaces.drop(s, ctx);
        } else if (node instanceof SqlShowNamespaces) {
            return namespaces.show(ctx);
        } else if (node instanceof SqlUseNamespace s) {
            return namespaces.use(s, ctx);
        } else if (node instanceof SqlCreateKalamTable s) {
            return tableDdl.create(s, ctx);
        } else if (node instanceof SqlDropKalamTable s) {
            return tableDdl.drop(s, ctx);
        } else if (node instanceof SqlAlterKalamTable s) {
            return alterTable.execute(s, ctx);
        } else if (node instanceof SqlShowTables s) {
            return describe.showTables(s, ctx);
        } else if (node instanceof SqlDescribeKalamTable s) {
            return describe.describe(s, ctx);
        } else if (node instanceof SqlCreateUser s) {
            return users.create(s, ctx);
        } else if (node instanceof SqlAlterUser s) {
            return users.alter(s, ctx);
        } else if (node instanceof SqlDropUser s) {
            return users.drop(s, ctx);
        } else if (node instanceof SqlCreateStorage s) {
            return storages.create(s, ctx);
        } else if (node instanceof SqlAlterStorage s) {
            return storages.alter(s, ctx);
        } else if (node instanceof SqlDropStorage s) {
            return storages.drop(s, ctx);
        } else if (node instanceof SqlShowStorages) {
            return storages.show(ctx);
        } else if (node instanceof SqlSubscribe s) {
            return subscriptions.execute(s, ctx);
        } else if (node instanceof SqlKillLiveQuery k) {
            liveQueries.kill(ctx.session().user(), ctx.session().role(), k.getLiveId());
            return StatementResult.message("Killed live query " + k.getLiveId(), 1, ctx.session().user());
        } else if (node instanceof SqlKillJob k) {
            return jobs.kill(k, ctx);
        } else if (node instanceof SqlClearCache) {
            long plans = planner.cachedPlans();
            planner.clear();
            return StatementResult.message("Cleared " + plans + " cached plan(s)", plans, ctx.session().user());
        } else if (node instanceof SqlExecuteAsUser e) {
            StatementContext as = new StatementContext(executeAs.impersonate(e, ctx), ctx.sql(), ctx.params(),
                    ctx.startedAtMillis());
            return dispatch(e.getStatement(), as);
        } else if (node instanceof SqlShowStats s) {
            return stats.show(s, ctx);
        } else if (node instanceof SqlFlushTable f) {
            return flushes.flushTable(f, ctx);
        } else if (node instanceof SqlFlushAllTables f) {
            return flushes.flushAll(f, ctx);
        }
        throw notSupported(ctx);
    }

    private static KalamException notSupported(StatementContext ctx) {
        return new KalamException(ErrorCode.SQL_EXECUTION_ERROR, "Statement not supported in this version: "
                + firstWords(ctx.sql()));
    }

    private static String firstWords(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
