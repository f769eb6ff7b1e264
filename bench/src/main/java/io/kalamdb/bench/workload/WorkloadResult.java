package io.kalamdb.bench.workload;

import io.kalamdb.bench.LatencyStats;
import java.util.Map;

/**
 * One measured window of one workload variant on one system, with everything needed to read the figure: the
 * durability mode, client count, statement batch size and pipelining depth.
 *
 * @param workload     {@code W1} … {@code W5}
 * @param variant      the variant, for people, e.g. {@code 16 clients, 100 rows/stmt, 1000 users}
 * @param system       {@code kalamdb} or {@code postgresql}
 * @param durability   {@code strict} or {@code relaxed}
 * @param clients      concurrent client connections
 * @param batchSize    rows per statement
 * @param pipelining   statements in flight per connection (1: none)
 * @param users        distinct users acted as
 * @param operations   statements (or notifications) in the measured window
 * @param rows         rows written or read in the window
 * @param seconds      the window's length, seconds
 * @param latency      per-operation latency, nanoseconds
 * @param distribution latency at each of {@link #PERCENTILES}, nanoseconds
 * @param extra        workload-specific figures (e.g. lost and duplicated events), by name
 */
public record WorkloadResult(String workload, String variant, String system, String durability, int clients,
                             int batchSize, int pipelining, int users, long operations, long rows, double seconds,
                             LatencyStats latency, long[] distribution, Map<String, Object> extra) {
    /** The percentiles of {@link #distribution}. */
    public static final double[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

    /** @return operations per second over the window */
    public double operationsPerSecond() {
        return operations / seconds;
    }

    /** @return rows per second over the window */
    public double rowsPerSecond() {
        return rows / seconds;
    }
}
