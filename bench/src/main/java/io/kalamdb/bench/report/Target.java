package io.kalamdb.bench.report;

import io.kalamdb.bench.workload.SubscriptionCapacity;
import io.kalamdb.bench.workload.WorkloadResult;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A performance target of the benchmark issue, checked against every KalamDB result it applies to.
 *
 * @param text           the target as people read it
 * @param appliesTo      which results it judges
 * @param metric         the judged figure of a result
 * @param unit           the figure's unit, for the report
 * @param threshold      the bound
 * @param higherIsBetter true if the figure must reach the bound, false if it must not exceed it
 */
public record Target(String text, Predicate<WorkloadResult> appliesTo, ToDoubleFunction<WorkloadResult> metric,
                     String unit, double threshold, boolean higherIsBetter) {

    /** The targets of this machine (2 cores) from the benchmark issue. */
    public static final List<Target> ALL = List.of(
            new Target("W1 ≥ 3,000 single-row inserts/s from one client",
                    r -> r.workload().equals("W1") && r.clients() == 1 && r.batchSize() == 1,
                    WorkloadResult::rowsPerSecond, "rows/s", 3_000, true),
            new Target("W1 ≥ 50,000 rows/s with 100-row statements",
                    r -> r.workload().equals("W1") && r.batchSize() == 100,
                    WorkloadResult::rowsPerSecond, "rows/s", 50_000, true),
            new Target("W2 p50 ≤ 1 ms hot", r -> r.workload().equals("W2") && r.variant().startsWith("hot"),
                    r -> r.latency().p50() / 1e6, "ms", 1, false),
            new Target("W2 p50 ≤ 5 ms cold", r -> r.workload().equals("W2") && r.variant().startsWith("cold"),
                    r -> r.latency().p50() / 1e6, "ms", 5, false),
            new Target("W3 p99 ≤ 10 ms at 1 subscriber", r -> r.workload().equals("W3") && figure(r, "subscribers") == 1,
                    r -> r.latency().p99() / 1e6, "ms", 10, false),
            new Target("W3 p99 ≤ 50 ms at 1,000 subscribers",
                    r -> r.workload().equals("W3") && figure(r, "subscribers") == 1000,
                    r -> r.latency().p99() / 1e6, "ms", 50, false),
            new Target("W4 ≥ 10,000 subscriptions held", r -> r.workload().equals("W4"),
                    r -> figure(r, SubscriptionCapacity.HELD), "subscriptions", 10_000, true),
            new Target("W5 0 lost / 0 duplicated", r -> r.workload().equals("W5"),
                    r -> figure(r, "lost") + figure(r, "duplicated"), "events lost or duplicated", 0, false));

    /**
     * @param result a result
     * @param name   a figure of its {@code extra}
     * @return the figure, or −1 if the result has none
     */
    public static long figure(WorkloadResult result, String name) {
        return result.extra().get(name) instanceof Number n ? n.longValue() : -1;
    }

    /** @return whether the result meets this target */
    public boolean met(WorkloadResult result) {
        double v = metric.applyAsDouble(result);
        return higherIsBetter ? v >= threshold : v <= threshold;
    }
}
