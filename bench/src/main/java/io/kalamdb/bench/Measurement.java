package io.kalamdb.bench;

/**
 * The outcome of one workload.
 *
 * @param workload     what was run, for people
 * @param operations   the statements sent
 * @param rows         the rows they wrote or read
 * @param elapsedNanos wall-clock time from the first request to the last response, in nanoseconds
 * @param p50Nanos     median statement latency, in nanoseconds
 * @param p95Nanos     95th percentile statement latency, in nanoseconds
 * @param p99Nanos     99th percentile statement latency, in nanoseconds
 */
public record Measurement(String workload, int operations, long rows, long elapsedNanos, long p50Nanos,
                          long p95Nanos, long p99Nanos) {
    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * Summarizes a recorder's latencies.
     *
     * @param workload     what was run
     * @param rows         the rows written or read
     * @param elapsedNanos wall-clock time, in nanoseconds
     * @param latencies    one latency per statement
     * @return the measurement
     */
    public static Measurement of(String workload, long rows, long elapsedNanos, LatencyRecorder latencies) {
        return new Measurement(workload, latencies.count(), rows, elapsedNanos, latencies.percentile(50),
                latencies.percentile(95), latencies.percentile(99));
    }

    /** @return wall-clock time, in seconds */
    public double seconds() {
        return elapsedNanos / NANOS_PER_SECOND;
    }

    /** @return statements per second */
    public double operationsPerSecond() {
        return operations / seconds();
    }

    /** @return rows per second */
    public double rowsPerSecond() {
        return rows / seconds();
    }
}
