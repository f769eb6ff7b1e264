package io.kalamdb.bench;

import java.util.Arrays;

/**
 * Collects operation latencies, in nanoseconds, and answers percentiles by the nearest-rank method over the
 * sorted samples (exact, no histogram buckets). Not thread-safe: one recorder per measuring thread.
 */
public final class LatencyRecorder {
    /**
     * The samples' {@link #stats} and {@link #percentiles}, from one sort.
     *
     * @param stats        as {@link #stats}
     * @param distribution as {@link #percentiles}
     */
    public record Summary(LatencyStats stats, long[] distribution) {
    }

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
        return percentiles(percent)[0];
    }

    /**
     * Adds every sample of another recorder (to combine the recorders of several client threads).
     *
     * @param other a recorder no longer written to
     */
    public void addAll(LatencyRecorder other) {
        if (count + other.count > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + other.count));
        }
        System.arraycopy(other.samples, 0, samples, count, other.count);
        count += other.count;
    }

    /**
     * @return count, p50, p95, p99, max, mean and population standard deviation of the samples
     * @throws IllegalStateException if nothing was recorded
     */
    public LatencyStats stats() {
        return stats(sorted());
    }

    /**
     * @param percents each in (0, 100]
     * @return {@link #stats} and {@link #percentiles} of {@code percents}, sorting the samples once
     * @throws IllegalStateException if nothing was recorded
     */
    public Summary summary(double... percents) {
        long[] sorted = sorted();
        return new Summary(stats(sorted), points(sorted, percents));
    }

    private long[] sorted() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted;
    }

    private static LatencyStats stats(long[] sorted) {
        int count = sorted.length;
        if (count == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += sorted[i];
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = sorted[i] - mean;
            squares += d * d;
        }
        return new LatencyStats(count, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[count - 1], mean,
                Math.sqrt(squares / count));
    }

    /**
     * The latency distribution as percentile points, for charts: the nearest-rank latency at each given percent.
     *
     * @param percents each in (0, 100]
     * @return one latency per percent, in nanoseconds
     */
    public long[] percentiles(double... percents) {
        return points(sorted(), percents);
    }

    private static long[] points(long[] sorted, double... percents) {
        long[] out = new long[percents.length];
        for (int i = 0; i < percents.length; i++) {
            out[i] = rank(sorted, percents[i]);
        }
        return out;
    }

    private static long rank(long[] sorted, double percent) {
        return sorted[Math.max(1, (int) Math.ceil(percent / 100 * sorted.length)) - 1];
    }
}
