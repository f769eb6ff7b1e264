package io.kalamdb.bench.harness;

import io.kalamdb.bench.workload.Window;
import java.time.Duration;
import java.util.List;

/**
 * How much a run measures. {@link #QUICK} keeps the whole comparison near 30 s of measuring (what CI runs on every
 * submission, so the harness never rots); {@link #FULL} is for figures people read, run by hand.
 *
 * @param name        {@code quick} or {@code full}
 * @param systemWarmUp how long each system is exercised (inserts and lookups from 4 clients) before the first
 *                    measured workload, so a freshly started server's JIT is warm
 * @param window      warm-up and measured window of every workload phase
 * @param w1          the W1 variants
 * @param w2Rows      rows of the W2 user
 * @param w4          the W4 ramp
 * @param durabilities the durability modes to run, each with fresh servers
 */
public record RunPlan(String name, Duration systemWarmUp, Window window, List<InsertVariant> w1, int w2Rows, Ramp w4,
                      List<String> durabilities) {
    /**
     * One W1 variant.
     *
     * @param clients          concurrent connections
     * @param rowsPerStatement rows per INSERT
     * @param users            distinct users
     */
    public record InsertVariant(int clients, int rowsPerStatement, int users) {
    }

    /**
     * The W4 ramp.
     *
     * @param target               stop after this many subscriptions
     * @param perConnection        subscriptions per connection
     * @param stepConnections      connections added per step
     * @param connectionsPerSecond the ramp rate
     * @param p99BoundMillis       the notification p99 each step must stay within
     */
    public record Ramp(int target, int perConnection, int stepConnections, int connectionsPerSecond,
                       double p99BoundMillis) {
    }

    /** About 30 s of measuring: the two ends of W1, W2 hot and cold, relaxed durability only. */
    public static final RunPlan QUICK = new RunPlan("quick", Duration.ofSeconds(3), new Window(Duration.ofSeconds(1), Duration.ofSeconds(2)),
            List.of(new InsertVariant(1, 1, 100), new InsertVariant(16, 100, 1000)), 5_000,
            new Ramp(1_000, 100, 5, 20, 100), List.of("relaxed"));

    /** Every W1 variant of the issue, longer windows, both durability modes. */
    public static final RunPlan FULL = new RunPlan("full", Duration.ofSeconds(30), new Window(Duration.ofSeconds(5), Duration.ofSeconds(15)),
            List.of(new InsertVariant(1, 1, 100), new InsertVariant(1, 1, 1000), new InsertVariant(1, 100, 100),
                    new InsertVariant(1, 100, 1000), new InsertVariant(16, 1, 100), new InsertVariant(16, 1, 1000),
                    new InsertVariant(16, 100, 100), new InsertVariant(16, 100, 1000)),
            100_000, new Ramp(20_000, 100, 20, 20, 100), List.of("relaxed", "strict"));

    /** @return this plan with other durability modes */
    public RunPlan withDurabilities(List<String> modes) {
        return new RunPlan(name, systemWarmUp, window, w1, w2Rows, w4, modes);
    }
}
