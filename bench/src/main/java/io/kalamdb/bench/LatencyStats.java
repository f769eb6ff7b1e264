package io.kalamdb.bench;

/**
 * Summary of a set of operation latencies, all in nanoseconds; percentiles by the nearest-rank method.
 *
 * @param count  how many operations
 * @param p50    median
 * @param p95    95th percentile
 * @param p99    99th percentile
 * @param max    the slowest
 * @param mean   arithmetic mean
 * @param stddev population standard deviation
 */
public record LatencyStats(long count, long p50, long p95, long p99, long max, double mean, double stddev) {
}
