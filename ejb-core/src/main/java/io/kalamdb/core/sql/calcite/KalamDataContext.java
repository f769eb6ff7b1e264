package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.sql.SqlSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The per-execution context handed to a compiled Calcite plan: the caller's {@link SqlSession} (read by
 * table scans to scope USER partitions and check access), the statement's parameters ({@code ?0, ?1, …}
 * in Calcite's internal representation) and the time variables, fixed once per statement.
 */
public final class KalamDataContext implements DataContext {
    /** Variable name under which scans find the {@link SqlSession}. */
    public static final String SESSION = "kalamdb.session";

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final SqlSession session;
    private final List<Object> params;
    private final Map<String, Object> stash;
    private final long nowMillis;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final QueryBudget budget;

    /**
     * @param rootSchema  the root schema the plan was compiled against
     * @param typeFactory the type factory
     * @param session     the caller
     * @param params      parameter values by {@code ?} index, already in Calcite's representation
     * @param stash       objects the compiled plan refers to by name (interpreter nodes)
     * @param nowMillis   the statement's time (CURRENT_TIMESTAMP), epoch milliseconds
     * @param budget      the execution's deadline, which scans check per row
     */
    KalamDataContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, SqlSession session,
                     List<Object> params, Map<String, Object> stash, long nowMillis, QueryBudget budget) {
        this.budget = budget;
        this.nowMillis = nowMillis;
        this.stash = stash;
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.session = session;
        this.params = params;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public Object get(String name) {
        if (name.startsWith("?")) {
            return params.get(Integer.parseInt(name.substring(1)));
        }
        Object stashed = stash.get(name);
        if (stashed != null) {
            return stashed;
        }
        if (SESSION.equals(name)) {
            return session;
        }
        if (Variable.CURRENT_TIMESTAMP.camelName.equals(name) || Variable.LOCAL_TIMESTAMP.camelName.equals(name)
                || Variable.UTC_TIMESTAMP.camelName.equals(name)) {
            return nowMillis;
        }
        if (Variable.TIME_ZONE.camelName.equals(name)) {
            return TimeZone.getTimeZone("UTC");
        }
        if (Variable.LOCALE.camelName.equals(name)) {
            return Locale.ROOT;
        }
        if (Variable.USER.camelName.equals(name) || Variable.SYSTEM_USER.camelName.equals(name)) {
            return session.user().value();
        }
        if (Variable.CANCEL_FLAG.camelName.equals(name)) {
            return cancel;
        }
        return null;
    }

    /** @return the budget of the executing statement, for scans to check per row */
    static QueryBudget budget(DataContext root) {
        return root instanceof KalamDataContext k ? k.budget : QueryBudget.UNLIMITED;
    }

    /** @return the caller of the executing statement */
    public static SqlSession session(DataContext root) {
        return (SqlSession) root.get(SESSION);
    }
}
