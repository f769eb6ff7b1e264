package io.kalamdb.core.live;

import io.kalamdb.core.sql.ResultColumn;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * {@code initial_data_batch}: one page of the initial data (possibly empty).
     *
     * @param schema the result columns of the rows, in projection order (without {@code _seq})
     */
    record InitialBatch(String subscriptionId, List<ResultColumn> schema, List<Map<String, Object>> rows,
                        BatchControl batchControl)
            implements LiveEvent {
    }

    /**
     * A committed change as one query shape sees it: an insert ({@code rows}), update ({@code rows} +
     * {@code oldValues}) or delete ({@code oldValues}); the unused list is empty. Every subscription with the
     * same compiled query ({@link LiveQuery#shape()}) receives the same instance for one change, so a
     * transport encodes it once for all of them through {@link #encoded}.
     */
    final class Delta {
        private final ChangeType changeType;
        private final List<ResultColumn> schema;
        private final List<Map<String, Object>> rows;
        private final List<Map<String, Object>> oldValues;
        private volatile Object encoded;

        /**
         * @param changeType what happened
         * @param schema     the result columns of the rows, in projection order (without {@code _seq})
         * @param rows       the new row (INSERT, UPDATE) or none
         * @param oldValues  the previous row (UPDATE, DELETE) or none
         */
        public Delta(ChangeType changeType, List<ResultColumn> schema, List<Map<String, Object>> rows,
                     List<Map<String, Object>> oldValues) {
            this.changeType = changeType;
            this.schema = schema;
            this.rows = List.copyOf(rows);
            this.oldValues = List.copyOf(oldValues);
        }

        /** @return what happened */
        public ChangeType changeType() {
            return changeType;
        }

        /** @return the result columns of the rows */
        public List<ResultColumn> schema() {
            return schema;
        }

        /** @return the new row, or empty for a delete */
        public List<Map<String, Object>> rows() {
            return rows;
        }

        /** @return the previous row, or empty for an insert */
        public List<Map<String, Object>> oldValues() {
            return oldValues;
        }

        /**
         * The transport's encoding of this delta, computed on first use and kept: every later call returns
         * the same value. Two threads may race to compute it; {@code encoder} must be a pure function.
         *
         * @param type    the encoding's class
         * @param encoder computes the encoding
         * @param <T>     the encoding's type
         * @return the encoding
         */
        public <T> T encoded(Class<T> type, Function<Delta, T> encoder) {
            Object e = encoded;
            if (e == null) {
                e = encoder.apply(this);
                encoded = e;
            }
            return type.cast(e);
        }
    }

    /** {@code change}: one subscription's notification of a {@link Delta}. */
    record Change(String subscriptionId, Delta delta) implements LiveEvent {
        /** @return what happened */
        public ChangeType changeType() {
            return delta.changeType();
        }

        /** @return the new row, or empty for a delete */
        public List<Map<String, Object>> rows() {
            return delta.rows();
        }

        /** @return the previous row, or empty for an insert */
        public List<Map<String, Object>> oldValues() {
            return delta.oldValues();
        }
    }

    /** {@code error}: the subscription has ended (or was refused) for this reason. */
    record Error(String subscriptionId, LiveErrorCode code, String message) implements LiveEvent {
    }
}
