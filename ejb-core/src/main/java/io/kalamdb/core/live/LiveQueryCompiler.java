package io.kalamdb.core.live;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.kalamdb.core.catalog.Catalog;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.sql.calcite.KalamTable;
import io.kalamdb.core.sql.calcite.LogicalQuery;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.sql.parser.KalamSqlParser;
import io.kalamdb.core.sql.parser.ParsedStatement;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Turns subscription SQL into a {@link LiveQuery}: parses it with {@link KalamSqlParser}, accepts only
 * {@code SELECT <columns|*> FROM [ns.]t [WHERE cond]} on one USER or SHARED table the subscriber may read,
 * validates it with Calcite ({@link QueryPlanner#toLogical}) and compiles the WHERE and the projection to
 * code once. Compiled code (tens of milliseconds of Janino work) is cached by SQL text, default namespace
 * and catalog version, so many clients subscribing to the same query compile it once; the access check runs
 * for every subscriber.
 */
public final class LiveQueryCompiler {
    private static final int CACHE_SIZE = 1_000;

    private final QueryPlanner planner;
    private final AccessPolicy policy;
    private final Catalog catalog;
    private final Cache<CodeKey, Code> cache = CacheBuilder.newBuilder().maximumSize(CACHE_SIZE).build();

    private record CodeKey(String sql, NamespaceId namespace, long catalogVersion) {
    }

    /** A query's compiled, subscriber-independent part. */
    private record Code(TableDefinition table, List<ResultColumn> columns, Function1<DataContext, Object[]> filter,
                        Function1<DataContext, Object[]> projection) {
    }

    /**
     * @param planner validation and conversion to relational algebra
     * @param policy  read access to the table
     * @param catalog for the version that keys the code cache
     */
    public LiveQueryCompiler(QueryPlanner planner, AccessPolicy policy, Catalog catalog) {
        this.planner = planner;
        this.policy = policy;
        this.catalog = catalog;
    }

    /**
     * @param session the subscriber (namespace for unqualified names, user for {@code CURRENT_USER} and the
     *                partition, role for access)
     * @param sql     the subscription SQL
     * @return the compiled query
     * @throws LiveQueryException INVALID_SQL (does not parse or validate, parameters), NOT_FOUND (no such
     *                            table), UNAUTHORIZED (may not read the table), UNSUPPORTED (any other shape,
     *                            system views)
     */
    public LiveQuery compile(SqlSession session, String sql) {
        CodeKey key = new CodeKey(sql, session.namespace(), catalog.version());
        Code code = cache.getIfPresent(key);
        if (code == null) {
            code = generate(session, sql);
            cache.put(key, code);
        } else {
            checkRead(code.table(), session);
        }
        return new LiveQuery(code.table(), sql, session.user(), code.columns(), code.filter(), code.projection());
    }

    private Code generate(SqlSession session, String sql) {
        SqlSelect select = checkShape(parse(sql));
        LogicalQuery logical = validate(select, session.namespace());
        if (!logical.paramTypes().isEmpty()) {
            throw new LiveQueryException(LiveErrorCode.INVALID_SQL, "Live queries take no parameters");
        }
        RelNode rel = logical.rel();
        List<RexNode> projects = null;
        if (rel instanceof Project p) {
            projects = p.getProjects();
            rel = p.getInput();
        }
        RexNode condition = null;
        if (rel instanceof Filter f) {
            condition = f.getCondition();
            rel = f.getInput();
        }
        if (!(rel instanceof TableScan scan)) {
            throw unsupported("live queries support only a projection and a WHERE on one table (no aggregates)");
        }
        if (projects != null && RexOver.containsOver(projects, null)) {
            throw unsupported("window functions are not supported in live queries");
        }
        if (condition != null && RexUtil.SubQueryFinder.find(List.of(condition)) != null) {
            throw unsupported("subqueries are not supported in live queries");
        }
        TableDefinition table = table(scan, session);
        RelDataType rowType = scan.getRowType();
        RexBuilder rex = logical.rexBuilder();
        if (projects == null) {
            projects = new ArrayList<>(rex.identityProjects(rowType));
        }
        Function1<DataContext, Object[]> filter = condition == null ? null
                : RexExecutorImpl.getExecutable(rex, List.of(condition), rowType).getFunction();
        Function1<DataContext, Object[]> projection = RexExecutorImpl.getExecutable(rex, projects, rowType)
                .getFunction();
        return new Code(table, logical.columns(), filter, projection);
    }

    private static SqlNode parse(String sql) {
        List<ParsedStatement> statements;
        try {
            statements = KalamSqlParser.parseScript(sql);
        } catch (KalamException e) {
            throw new LiveQueryException(LiveErrorCode.INVALID_SQL, e.getMessage());
        }
        if (statements.size() != 1) {
            throw new LiveQueryException(LiveErrorCode.INVALID_SQL, "A live query is exactly one SELECT statement, got "
                    + statements.size() + " statements");
        }
        return statements.get(0).node();
    }

    private static SqlSelect checkShape(SqlNode node) {
        if (node.getKind() == SqlKind.ORDER_BY) {
            throw unsupported("ORDER BY, LIMIT and OFFSET are not supported in live queries");
        }
        if (!(node instanceof SqlSelect select)) {
            throw unsupported("live queries accept only SELECT … FROM table [WHERE …], not " + node.getKind());
        }
        if (select.isDistinct()) {
            throw unsupported("DISTINCT is not supported in live queries");
        }
        if (select.getGroup() != null || select.getHaving() != null) {
            throw unsupported("GROUP BY and HAVING are not supported in live queries");
        }
        if (nonEmpty(select.getOrderList()) || select.getFetch() != null || select.getOffset() != null) {
            throw unsupported("ORDER BY, LIMIT and OFFSET are not supported in live queries");
        }
        if (nonEmpty(select.getWindowList()) || select.getQualify() != null) {
            throw unsupported("window clauses are not supported in live queries");
        }
        SqlNode from = select.getFrom();
        if (from != null && from.getKind() == SqlKind.AS) {
            from = ((SqlCall) from).operand(0);
        }
        if (from == null) {
            throw unsupported("a live query must read FROM one table");
        }
        if (from.getKind() == SqlKind.JOIN) {
            throw unsupported("joins are not supported in live queries");
        }
        if (!(from instanceof SqlIdentifier)) {
            throw unsupported("live queries read FROM one table, not a subquery or table function");
        }
        List<SqlNode> expressions = new ArrayList<>(select.getSelectList().getList());
        if (select.getWhere() != null) {
            expressions.add(select.getWhere());
        }
        for (SqlNode e : expressions) {
            e.accept(new SqlShuttle() {
                @Override
                public SqlNode visit(SqlCall call) {
                    if (call instanceof SqlSelect || call.getKind().belongsTo(SqlKind.QUERY)) {
                        throw unsupported("subqueries are not supported in live queries");
                    }
                    return call instanceof SqlBasicCall ? super.visit(call) : call;
                }
            });
        }
        return select;
    }

    private LogicalQuery validate(SqlSelect select, NamespaceId namespace) {
        try {
            return planner.toLogical(select, namespace);
        } catch (LiveQueryException e) {
            throw e;
        } catch (KalamException e) {
            LiveErrorCode code = switch (e.code()) {
                case TABLE_NOT_FOUND, NAMESPACE_NOT_FOUND, NOT_FOUND -> LiveErrorCode.NOT_FOUND;
                case PERMISSION_DENIED -> LiveErrorCode.UNAUTHORIZED;
                default -> LiveErrorCode.INVALID_SQL;
            };
            throw new LiveQueryException(code, e.getMessage());
        }
    }

    private TableDefinition table(TableScan scan, SqlSession session) {
        KalamTable kalamTable = scan.getTable().unwrap(KalamTable.class);
        if (kalamTable == null) {
            if (!session.role().atLeast(Role.DBA)) {
                throw new LiveQueryException(LiveErrorCode.UNAUTHORIZED, "Only dba and system users may read "
                        + String.join(".", scan.getTable().getQualifiedName()));
            }
            throw unsupported("system views publish no changes and cannot be subscribed to");
        }
        TableDefinition def = kalamTable.definition();
        checkRead(def, session);
        return def;
    }

    private void checkRead(TableDefinition def, SqlSession session) {
        try {
            policy.checkRead(def, session.role());
        } catch (KalamException e) {
            throw new LiveQueryException(LiveErrorCode.UNAUTHORIZED, e.getMessage());
        }
    }

    private static boolean nonEmpty(SqlNodeList list) {
        return list != null && !list.isEmpty();
    }

    private static LiveQueryException unsupported(String what) {
        return new LiveQueryException(LiveErrorCode.UNSUPPORTED, "Unsupported live query: " + what);
    }
}
