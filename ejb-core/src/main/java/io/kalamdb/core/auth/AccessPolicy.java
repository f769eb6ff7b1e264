package io.kalamdb.core.auth;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableType;
import java.util.Locale;

/**
 * The one place that answers "may this role do that" (DESIGN.md §2). Every path — SQL, system views, and
 * later WebSocket and jobs — asks it; nothing else decides permissions.
 *
 * <ul>
 * <li>DDL, user management, storages, jobs ({@code KILL JOB}) and {@code system.*}: dba and system only (except
 * their own rows of {@code system.live_queries}).</li>
 * <li>USER and STREAM tables: every role, in its own partition (the storage layer scopes the rows).</li>
 * <li>SHARED tables by {@code ACCESS_LEVEL}: {@code public} — everyone reads, service+ writes;
 * {@code private} (default) and {@code restricted} — service+; {@code dba} — dba+.</li>
 * </ul>
 */
public final class AccessPolicy {

    /** @throws KalamException PERMISSION_DENIED unless the role may run DDL */
    public void checkDdl(Role role) {
        require(role.atLeast(Role.DBA), "Only dba and system users may change the schema");
    }

    /** @throws KalamException PERMISSION_DENIED unless the role may create, alter or drop users */
    public void checkManageUsers(Role role) {
        require(role.atLeast(Role.DBA), "Only dba and system users may manage users");
    }

    /**
     * Storages name server directories and hold credentials: seeing them ({@code SHOW STORAGES},
     * {@code system.storages}) and changing them is for dba and system only.
     *
     * @throws KalamException PERMISSION_DENIED unless the role may see and manage storages
     */
    public void checkManageStorages(Role role) {
        require(role.atLeast(Role.DBA), "Only dba and system users may see or change storages");
    }

    /** @throws KalamException PERMISSION_DENIED unless the role may stop jobs ({@code KILL JOB}) */
    public void checkManageJobs(Role role) {
        require(role.atLeast(Role.DBA), "Only dba and system users may kill jobs");
    }

    /** @throws KalamException PERMISSION_DENIED unless the role may read the table */
    public void checkRead(TableDefinition table, Role role) {
        if (table.type() == TableType.SYSTEM) {
            require(role.atLeast(Role.DBA), "Only dba and system users may read " + table.id());
        } else if (table.type() == TableType.SHARED) {
            String level = accessLevel(table);
            require(level.equals("public") || role.atLeast(minimumFor(level)),
                    "Permission denied for shared table " + table.id() + " (access level " + level + ")");
        }
    }

    /**
     * The one exception to "{@code system.*} is dba-only" (DESIGN.md §7): in a view whose rows belong to
     * users ({@code system.live_queries}), roles below dba read only their own rows.
     *
     * @return true if the role reads only its own rows of such a view, false if it reads all of them
     */
    public boolean readsOnlyOwnRows(Role role) {
        return !role.atLeast(Role.DBA);
    }

    /** @throws KalamException PERMISSION_DENIED unless the role may insert, update or delete rows */
    public void checkWrite(TableDefinition table, Role role) {
        if (table.type() == TableType.SYSTEM) {
            require(false, "System table " + table.id() + " is read-only");
        } else if (table.type() == TableType.SHARED) {
            String level = accessLevel(table);
            require(role.atLeast(minimumFor(level)), "Permission denied to write shared table " + table.id()
                    + " (access level " + level + ")");
        }
    }

    private static String accessLevel(TableDefinition table) {
        String level = table.options().accessLevel();
        return level == null ? "private" : level.toLowerCase(Locale.ROOT);
    }

    private static Role minimumFor(String level) {
        return level.equals("dba") ? Role.DBA : Role.SERVICE;
    }

    private static void require(boolean allowed, String message) {
        if (!allowed) {
            throw new KalamException(ErrorCode.PERMISSION_DENIED, message);
        }
    }
}
