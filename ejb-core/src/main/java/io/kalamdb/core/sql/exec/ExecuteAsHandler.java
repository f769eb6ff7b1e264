package io.kalamdb.core.sql.exec;

import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditLog;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.auth.UserRepository;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.sql.parser.ast.SqlExecuteAsUser;
import java.util.Optional;

/**
 * {@code EXECUTE AS USER 'id' ( statement )}: who may act as whom, and the session the inner statement runs
 * in. Allowed targets: {@code system} → anyone; {@code dba} → dba, service and user; {@code service} → service
 * and user; {@code user} → only themselves. The inner statement runs as the target for the partition of USER
 * and STREAM tables (its rows, {@code CURRENT_USER()}, {@code as_user}), but keeps the caller's role, so SHARED
 * tables, DDL and system views are still decided by the caller's rights. Every use, allowed or refused, is
 * recorded in the audit log ({@code execute_as}).
 */
public final class ExecuteAsHandler {
    private final UserRepository users;
    private final AuditLog audit;

    /**
     * @param users the target's role and whether it exists
     * @param audit where each use is recorded
     */
    public ExecuteAsHandler(UserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /**
     * @return the session the inner statement runs in: the target user, the caller's role and namespace
     * @throws KalamException INVALID_SQL for a nested EXECUTE AS, NOT_FOUND for an unknown or dropped user
     *                        (refused callers below dba get PERMISSION_DENIED instead, revealing nothing),
     *                        PERMISSION_DENIED if the caller may not act as the target
     */
    public SqlSession impersonate(SqlExecuteAsUser stmt, StatementContext ctx) {
        SqlSession caller = ctx.session();
        if (stmt.getStatement() instanceof SqlExecuteAsUser) {
            throw KalamException.invalidSql("EXECUTE AS cannot be nested");
        }
        UserId target = new UserId(stmt.getUserId());
        Optional<UserRecord> record = users.find(target).filter(UserRecord::active);
        boolean allowed = record.isPresent() && may(caller, record.get());
        audit.append(AuditAction.EXECUTE_AS, caller.user(), target.value(),
                "{\"allowed\":" + allowed + "}", null, target);
        if (!allowed) {
            if (record.isEmpty() && caller.role().atLeast(Role.DBA)) {
                throw new KalamException(ErrorCode.NOT_FOUND, "User '" + target + "' does not exist");
            }
            throw new KalamException(ErrorCode.PERMISSION_DENIED, "A " + caller.role().wireName()
                    + " may not execute as user '" + target + "'");
        }
        return new SqlSession(target, caller.role(), caller.namespace());
    }

    private static boolean may(SqlSession caller, UserRecord target) {
        if (caller.user().equals(target.id())) {
            return true;
        }
        return switch (caller.role()) {
            case SYSTEM -> true;
            case DBA -> target.role() != Role.SYSTEM;
            case SERVICE -> target.role() == Role.SERVICE || target.role() == Role.USER;
            case USER -> false;
        };
    }
}
