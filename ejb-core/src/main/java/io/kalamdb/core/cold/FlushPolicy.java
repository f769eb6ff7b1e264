package io.kalamdb.core.cold;

/**
 * When a table is flushed automatically: after {@code rows} rows were written since its last flush, or
 * {@code intervalSeconds} after its last flush if anything was written — whichever comes first. Parsed from
 * the table option {@code FLUSH_POLICY} ({@code rows:N}, {@code interval:S} or {@code rows:N,interval:S});
 * a part the option leaves out takes the server default.
 *
 * @param rows            the row threshold, at least 1
 * @param intervalSeconds the time threshold in seconds, at least 1
 */
public record FlushPolicy(long rows, long intervalSeconds) {
    /** The server defaults when no setting overrides them: 10,000 rows or 300 seconds. */
    public static final FlushPolicy DEFAULT = new FlushPolicy(10_000, 300);

    /**
     * @param option   the table's {@code FLUSH_POLICY} (already validated), or null
     * @param defaults the server's policy, for the parts the option leaves out
     * @return the effective policy
     */
    public static FlushPolicy of(String option, FlushPolicy defaults) {
        if (option == null || option.isBlank()) {
            return defaults;
        }
        long rows = defaults.rows();
        long interval = defaults.intervalSeconds();
        for (String part : option.split(",")) {
            String[] kv = part.strip().split(":");
            long n = Long.parseLong(kv[1]);
            if (kv[0].equals("rows")) {
                rows = n;
            } else {
                interval = n;
            }
        }
        return new FlushPolicy(rows, interval);
    }
}
