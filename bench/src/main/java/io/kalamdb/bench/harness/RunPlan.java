package io.kalamdb.bench.harness;

import io.kalamdb.bench.workload.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a run measures. {@link #QUICK} keeps the whole comparison near 30 s of measuring (what CI runs on every
 * submission, so the harness never rots); {@link #FULL} is for figures people read, run by hand.
 *
 * @param name        {@code quick} or {@code full}
 * @param systemWarmUp how long each system is exercised (inserts from 4 clients) before the first
 *                    measured workload, so a freshly started server's JIT is warm
 * @param window      warm-up and measured window of every workload phase
 * @param w1          the W1 variants
 * @param w2Rows      rows of the W2 user
 * @param w3          the W3 variants
 * @param w4          the W4 ramp
 * @param w5          the W5 set-up
 * @param durabilities the durability modes to run, each with fresh servers
 */
public record RunPlan(String name, Duration systemWarmUp, Window window, List<InsertVariant> w1, int w2Rows,
                      List<LiveVariant> w3, Ramp w4, ResumeVariant w5, List<String> durabilities) {
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
     * One W3 variant.
     *
     * @param subscribers      live queries of the one user
     * @param connections      WebSockets they are spread over
     * @param changesPerSecond inserts per second
     */
    public record LiveVariant(int subscribers, int connections, int changesPerSecond) {
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

    /**
     * The W5 set-up.
     *
     * @param subscribers      subscribers, one connection each
     * @param changesPerSecond inserts per second
     * @param dropEvery        how often each subscriber's connection is dropped
     * @param gap              how long it stays away
     * @param writing          how long the writer writes
     */
    public record ResumeVariant(int subscribers, int changesPerSecond, Duration dropEvery, Duration gap,
                                Duration writing) {
    }

    /**
     * About 30 s of measuring: the two ends of W1, W2 hot and cold, W3 with 1 and 100 subscribers at 100 changes/s,
     * W4 ramped to 1,000 subscriptions, W5 with 5 subscribers dropped every second for 3 s; relaxed durability only.
     */
    public static final RunPlan QUICK = new RunPlan("quick", Duration.ofSeconds(3), new Window(Duration.ofSeconds(1), Duration.ofSeconds(2)),
            List.of(new InsertVariant(1, 1, 100), new InsertVariant(16, 100, 1000)), 5_000,
            List.of(new LiveVariant(1, 1, 100), new LiveVariant(100, 100, 100)), new Ramp(1_000, 100, 5, 20, 100),
            new ResumeVariant(5, 100, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(3)),
            List.of("relaxed"));

    /**
     * Every W1 variant of the issue; W3's grid of 1, 100 and 1,000 subscribers (1,000 on 100 connections) by 10, 100
     * and 1,000 changes/s except 1,000 × 1,000 (a million notifications a second, beyond a 2-core machine that also
     * runs the load driver); W4 ramped to 20,000 subscriptions; W5 with 20 subscribers dropped every 3 s for 30 s; longer windows; both durability modes.
     */
    public static final RunPlan FULL = new RunPlan("full", Duration.ofSeconds(30), new Window(Duration.ofSeconds(5), Duration.ofSeconds(15)),
            List.of(new InsertVariant(1, 1, 100), new InsertVariant(1, 1, 1000), new InsertVariant(1, 100, 100),
                    new InsertVariant(1, 100, 1000), new InsertVariant(16, 1, 100), new InsertVariant(16, 1, 1000),
                    new InsertVariant(16, 100, 100), new InsertVariant(16, 100, 1000)),
            100_000, fullW3(), new Ramp(20_000, 100, 20, 20, 100),
            new ResumeVariant(20, 100, Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(30)),
            List.of("relaxed", "strict"));

    private static List<LiveVariant> fullW3() {
        List<LiveVariant> out = new ArrayList<>();
        for (int subscribers : new int[] {1, 100, 1000}) {
            for (int rate : new int[] {10, 100, 1000}) {
                if (subscribers * rate < 1_000_000) {
                    out.add(new LiveVariant(subscribers, Math.min(subscribers, 100), rate));
                }
            }
        }
        return List.copyOf(out);
    }

    /** @return this plan with other durability modes */
    public RunPlan withDurabilities(List<String> modes) {
        return new RunPlan(name, systemWarmUp, window, w1, w2Rows, w3, w4, w5, modes);
    }
}
