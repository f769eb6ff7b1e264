package io.kalamdb.core.live;

import io.kalamdb.core.sql.ResultColumn;
import java.util.List;
import java.util.Map;

/**
 * What the engine sends a subscriber; the web layer turns each into one WebSocket message of DESIGN.md §6.
 * Rows are {@code Map}s in projection order of canonical values (as in HTTP results) plus {@code _seq}
 * (Long).
 */
public sealed interface LiveEvent {
    /** @return the client's subscription id */
    String subscriptionId();

    /** What happened to a row, as seen through the subscription's WHERE. */
    enum ChangeType {
        INSERT, UPDATE, DELETE
    }

    /**
     * Paging state of the initial data ({@code batch_control}).
     *
     * @param batchNum  0-based number of the batch
     * @param hasMore   whether another batch follows (released by {@code next_batch})
     * @param status    {@code loading} (in the ack), {@code loading_batch} (more to come) or {@code ready}
     * @param lastSeqId the highest {@code _seq} delivered so far; in the {@code ready} batch the snapshot's
     *                  high-water mark, from which a client can resume; null in the ack
     */
    record BatchControl(int batchNum, boolean hasMore, String status, Long lastSeqId) {
    }

    /**
     * {@code subscription_ack}: the subscription is registered.
     *
     * @param totalRows rows of initial data that will be sent
     * @param schema    the result columns, in projection order
     */
    record Ack(String subscriptionId, int totalRows, List<ResultColumn> schema, BatchControl batchControl)
            implements LiveEvent {
    }

    /** {@code initial_data_batch}: one page of the initial data (possibly empty). */
    record InitialBatch(String subscriptionId, List<Map<String, Object>> rows, BatchControl batchControl)
            implements LiveEvent {
    }

    /**
     * {@code change}: an insert ({@code rows}), update ({@code rows} + {@code oldValues}) or delete
     * ({@code oldValues}); the unused list is empty.
     */
    record Change(String subscriptionId, ChangeType changeType, List<Map<String, Object>> rows,
                  List<Map<String, Object>> oldValues) implements LiveEvent {
    }

    /** {@code error}: the subscription has ended (or was refused) for this reason. */
    record Error(String subscriptionId, LiveErrorCode code, String message) implements LiveEvent {
    }
}
