package io.kalamdb.core.sql.exec;

import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.QueryPlanner;
import io.kalamdb.core.store.StoredRow;
import io.kalamdb.core.table.StatementWrite;
import io.kalamdb.core.table.TableStore;
import io.kalamdb.core.table.TableStores;
import java.util.List;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * DELETE: locks the caller's partition, finds matching live rows through Calcite, and writes a tombstone
 * for each ({@code _deleted = true}, new {@code _seq}; soft delete) — or removes it, for STREAM tables — in
 * one batch.
 */
public final class DeleteHandler {
    private final TableResolver resolver;
    private final AccessPolicy policy;
    private final TableStores tables;
    private final MatchingRows matching;

    /** Creates the handler. */
    public DeleteHandler(TableResolver resolver, AccessPolicy policy, TableStores tables, QueryPlanner planner) {
        this.resolver = resolver;
        this.policy = policy;
        this.tables = tables;
        this.matching = new MatchingRows(planner);
    }

    /**
     * @return {@code Deleted N row(s)}
     * @throws io.kalamdb.core.model.KalamException TABLE_NOT_FOUND, PERMISSION_DENIED
     */
    public StatementResult execute(SqlDelete delete, StatementContext ctx) {
        TableDefinition def = resolver.require((SqlIdentifier) delete.getTargetTable(), ctx.session().namespace());
        policy.checkWrite(def, ctx.session().role());
        UserId owner = def.type().isPerUser() ? ctx.session().user() : null;
        TableStore store = tables.forTable(def);
        int deleted = 0;
        try (StatementWrite write = tables.newWrite()) {
            write.lock(store, owner);
            List<Object[]> rows = matching.find(def, delete.getTargetTable(), delete.getAlias(), List.of(),
                    delete.getCondition(), "delete", ctx);
            for (Object[] row : rows) {
                StoredRow current = write.read(store, owner, row[0]);
                if (current != null && !current.deleted()) {
                    write.delete(store, owner, row[0], current);
                    deleted++;
                }
            }
            write.commit();
        }
        return StatementResult.message("Deleted " + deleted + " row(s)", deleted, ctx.session().user());
    }
}
