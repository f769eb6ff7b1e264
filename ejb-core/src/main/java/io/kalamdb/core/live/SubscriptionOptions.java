package io.kalamdb.core.live;

/**
 * The options of a {@code subscribe} message (DESIGN.md §6).
 *
 * @param batchSize the most rows per {@code initial_data_batch}, at least 1 (default 1000)
 * @param lastRows  if not null, the initial data is only the newest {@code lastRows} matching rows by
 *                  {@code _seq}, in ascending {@code _seq} order
 * @param fromSeq   if not null, a resume: no initial rows; instead every row whose stored version has a
 *                  {@code _seq} above it is delivered as a change (see {@link LiveQueryManager})
 */
public record SubscriptionOptions(int batchSize, Integer lastRows, Long fromSeq) {
    /** The default page size of the initial data. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** Checks the values. */
    public SubscriptionOptions {
        if (batchSize < 1) {
            throw new LiveQueryException(LiveErrorCode.PROTOCOL, "batch_size must be at least 1, got " + batchSize);
        }
        if (lastRows != null && lastRows < 0) {
            throw new LiveQueryException(LiveErrorCode.PROTOCOL, "last_rows must not be negative, got " + lastRows);
        }
    }

    /** @return batch size 1000, all rows, no resume */
    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(DEFAULT_BATCH_SIZE, null, null);
    }

    /** @return the options as JSON text, for {@code system.live_queries.options} */
    public String toJson() {
        return "{\"batch_size\":" + batchSize + (lastRows == null ? "" : ",\"last_rows\":" + lastRows)
                + (fromSeq == null ? "" : ",\"from\":\"" + fromSeq + "\"") + "}";
    }
}
