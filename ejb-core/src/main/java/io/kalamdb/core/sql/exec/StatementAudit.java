package io.kalamdb.core.sql.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditLog;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlAlterKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlAlterStorage;
import io.kalamdb.core.sql.parser.ast.SqlAlterUser;
import io.kalamdb.core.sql.parser.ast.SqlCreateKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlCreateNamespace;
import io.kalamdb.core.sql.parser.ast.SqlCreateStorage;
import io.kalamdb.core.sql.parser.ast.SqlCreateUser;
import io.kalamdb.core.sql.parser.ast.SqlDropKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlDropNamespace;
import io.kalamdb.core.sql.parser.ast.SqlDropStorage;
import io.kalamdb.core.sql.parser.ast.SqlDropUser;
import io.kalamdb.core.sql.parser.ast.SqlKillJob;
import io.kalamdb.core.sql.parser.ast.SqlKillLiveQuery;
import java.util.Locale;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Records audited statements — user, namespace, table and storage DDL and {@code KILL} — in the
 * {@link AuditLog} after they succeed. A {@code CREATE … IF NOT EXISTS} or {@code DROP … IF EXISTS} that
 * changed nothing (row count 0) is not recorded. Details never include passwords or storage credentials: an
 * {@code ALTER USER … SET PASSWORD} records only that the password changed, an {@code ALTER STORAGE} only the
 * names of the settings it changed. The entry is written after the statement committed; if writing it fails,
 * the statement's success stands and the failure is logged (a statement is never reported failed when it
 * took effect).
 */
public final class StatementAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(StatementAudit.class.getName());

    private final AuditLog log;
    private final TableResolver resolver;

    /**
     * @param log      where entries go
     * @param resolver resolves unqualified table names against the session's namespace
     */
    public StatementAudit(AuditLog log, TableResolver resolver) {
        this.log = log;
        this.resolver = resolver;
    }

    /**
     * Appends an entry for {@code node} if it is an audited statement kind; does nothing otherwise.
     *
     * @param node   the statement that ran
     * @param ctx    its session (the actor) and context
     * @param result what it returned (row count 0 on a create/drop means nothing changed)
     */
    public void record(SqlNode node, StatementContext ctx, StatementResult result) {
        try {
            append(node, ctx, result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The statement succeeded but its audit entry could not be written", e);
        }
    }

    private void append(SqlNode node, StatementContext ctx, StatementResult result) {
        UserId actor = ctx.session().user();
        NamespaceId current = ctx.session().namespace();
        boolean changed = result.rowCount() > 0;
        if (node instanceof SqlCreateUser s && changed) {
            UserId user = new UserId(s.getUserName());
            log.append(AuditAction.CREATE_USER, actor, user.value(),
                    s.getRole() == null ? null : details("role", s.getRole().toLowerCase(Locale.ROOT)), null, user);
        } else if (node instanceof SqlAlterUser s) {
            UserId user = new UserId(s.getUserName());
            ObjectNode d = JSON.createObjectNode().put("property", s.getProperty().name().toLowerCase(Locale.ROOT));
            if (s.getProperty() == SqlAlterUser.Property.ROLE) {
                d.put("role", s.getValue());
            }
            log.append(AuditAction.ALTER_USER, actor, user.value(), d.toString(), null, user);
        } else if (node instanceof SqlDropUser s && changed) {
            UserId user = new UserId(s.getUserName());
            log.append(AuditAction.DROP_USER, actor, user.value(), null, null, user);
        } else if (node instanceof SqlCreateKalamTable s && changed) {
            log.append(AuditAction.CREATE_TABLE, actor, table(s.getName(), current),
                    s.getTableKind() == null ? null : details("table_kind", s.getTableKind()), null, null);
        } else if (node instanceof SqlAlterKalamTable s) {
            log.append(AuditAction.ALTER_TABLE, actor, table(s.getName(), current),
                    details("operation", s.getOperator().getName()), null, null);
        } else if (node instanceof SqlDropKalamTable s && changed) {
            log.append(AuditAction.DROP_TABLE, actor, table(s.getName(), current), null, null, null);
        } else if (node instanceof SqlCreateNamespace s && changed) {
            log.append(AuditAction.CREATE_NAMESPACE, actor, new NamespaceId(s.getNamespace()).value(), null, null,
                    null);
        } else if (node instanceof SqlDropNamespace s && changed) {
            log.append(AuditAction.DROP_NAMESPACE, actor, new NamespaceId(s.getNamespace()).value(),
                    s.isCascade() ? details("cascade", "true") : null, null, null);
        } else if (node instanceof SqlCreateStorage s) {
            log.append(AuditAction.CREATE_STORAGE, actor, s.getStorageId(),
                    details("storage_type", s.getStorageType()), null, null);
        } else if (node instanceof SqlAlterStorage s) {
            log.append(AuditAction.ALTER_STORAGE, actor, s.getStorageId(),
                    details("settings", String.join(",", new TreeSet<>(s.getSettings().keySet()))), null, null);
        } else if (node instanceof SqlDropStorage s && changed) {
            log.append(AuditAction.DROP_STORAGE, actor, s.getStorageId(), null, null, null);
        } else if (node instanceof SqlKillJob s) {
            log.append(AuditAction.KILL_JOB, actor, s.getJobId(), null, null, null);
        } else if (node instanceof SqlKillLiveQuery s) {
            log.append(AuditAction.KILL_LIVE_QUERY, actor, s.getLiveId(), null, null, null);
        }
    }

    private String table(SqlIdentifier name, NamespaceId current) {
        return resolver.id(name, current).toString();
    }

    private static String details(String key, String value) {
        return JSON.createObjectNode().put(key, value).toString();
    }
}
