package io.kalamdb.core.live;

/**
 * Subscription limits (issue 3).
 *
 * @param perConnection most subscriptions on one connection (at most 100)
 * @param perUser       most subscriptions of one user across its connections (default 10)
 */
public record LiveQueryLimits(int perConnection, int perUser) {
    /** The protocol's hard cap per connection. */
    public static final int MAX_PER_CONNECTION = 100;

    /** Checks the values. */
    public LiveQueryLimits {
        if (perConnection < 1 || perConnection > MAX_PER_CONNECTION || perUser < 1) {
            throw new IllegalArgumentException("limits out of range: " + perConnection + "/" + perUser);
        }
    }

    /** @return 100 per connection, 10 per user */
    public static LiveQueryLimits defaults() {
        return new LiveQueryLimits(MAX_PER_CONNECTION, 10);
    }
}
