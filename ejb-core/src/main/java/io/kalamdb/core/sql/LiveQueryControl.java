package io.kalamdb.core.sql;

import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import java.util.List;

/**
 * What the SQL layer may ask of live queries ({@code KILL LIVE QUERY}) without depending on the {@code live}
 * package (DESIGN.md §2: {@code live} → {@code sql}, never back); implemented by the live query manager.
 */
public interface LiveQueryControl {
    /**
     * Ends a live query, telling its client why.
     *
     * @param caller who asks
     * @param role   the caller's role (dba and system may end anyone's)
     * @param liveId the id shown in {@code system.live_queries.live_id}
     * @throws io.kalamdb.core.model.KalamException NOT_FOUND for an unknown id, PERMISSION_DENIED unless the
     *                                              caller owns it or is dba/system
     */
    void kill(UserId caller, Role role, String liveId);

    /** @return the live ids of the subscriptions reading {@code table}, in creation order */
    List<String> liveIdsOn(TableId table);

    /**
     * Ends every subscription reading {@code table} (it is being dropped); their clients get an error
     * saying so.
     */
    void endAllOn(TableId table);

    /**
     * Checks that {@code sql} is a valid live query for the session, as {@code subscribe} would.
     *
     * @throws io.kalamdb.core.model.KalamException the error a subscription would get (INVALID_SQL,
     *         TABLE_NOT_FOUND, PERMISSION_DENIED, or an unsupported shape)
     */
    void check(SqlSession session, String sql);
}
