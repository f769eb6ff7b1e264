package io.kalamdb.bench;

import java.util.Arrays;

/**
 * Collects operation latencies, in nanoseconds, and answers percentiles by the nearest-rank method over the
 * sorted samples (exact, no histogram buckets). Not thread-safe: one recorder per measuring thread.
 */
public final class LatencyRecorder {
    private long[] samples = new long[1024];
    private int count;

    /** @param nanos one operation's latency, in nanoseconds */
    public void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    /** @return how many latencies were recorded */
    public int count() {
        return count;
    }

    /**
     * The nearest-rank percentile: the smallest recorded latency that at least {@code percent}% of the samples do
     * not exceed.
     *
     * @param percent in (0, 100]
     * @return the latency, in nanoseconds
     * @throws IllegalStateException if nothing was recorded
     * @throws IllegalArgumentException if {@code percent} is out of range
     */
    public long percentile(double percent) {
        if (count == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[rank - 1];
    }
}
