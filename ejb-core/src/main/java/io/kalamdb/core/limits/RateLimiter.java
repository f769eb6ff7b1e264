package io.kalamdb.core.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a user, a client address, a connection): each key may take {@code burst} permits at
 * once and then {@code permitsPerSecond} on average — the classic token-bucket algorithm (the meter of RFC 2697 is
 * built from the same buckets). Thread-safe.
 *
 * <p>Memory is bounded: a bucket that has refilled completely behaves exactly like a new one, so it is dropped
 * when the map holds more than {@code maxKeys} buckets (at most one sweep per refill period). If every bucket is
 * still busy after a sweep, a key without a bucket is refused until one frees up — so a flood of distinct keys
 * costs bounded memory and never evicts a busy key's state. (A bucket dropped by a sweep while another thread is
 * taking from it lets that key take at most one permit more than its rate.)
 *
 * @param <K> the key type (with value equality)
 */
public final class RateLimiter<K> {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double permitsPerNano;
    private final double burst;
    private final int maxKeys;
    private final long refillNanos;
    private final LongSupplier nanoClock;
    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweepNanos;

    /**
     * @param permitsPerSecond average permits per key per second; 0 or less turns the limit off (every call passes)
     * @param burst            permits a key may take at once (the bucket's size), at least 1
     * @param maxKeys          buckets kept before idle ones are dropped, at least 1
     * @param nanoClock        a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake one in tests)
     * @throws IllegalArgumentException if burst or maxKeys is below 1
     */
    public RateLimiter(double permitsPerSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        if (burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("burst and maxKeys must be at least 1: " + burst + ", " + maxKeys);
        }
        this.permitsPerNano = permitsPerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.refillNanos = permitsPerSecond > 0 ? (long) Math.ceil(burst / permitsPerNano) : 0;
        this.nanoClock = nanoClock;
        this.lastSweepNanos = nanoClock.getAsLong() - refillNanos;
    }

    /**
     * A limiter of {@code permitsPerSecond} per key whose burst is one second's worth (at least 1), keeping up
     * to 100,000 keys, on {@link System#nanoTime()}.
     *
     * @param permitsPerSecond average permits per key per second; 0 or less turns the limit off
     */
    public static <K> RateLimiter<K> perSecond(double permitsPerSecond) {
        return new RateLimiter<>(permitsPerSecond, (int) Math.max(1, Math.ceil(permitsPerSecond)), 100_000,
                System::nanoTime);
    }

    /** @return false if this limiter lets everything through (configured with a rate of 0 or less) */
    public boolean isEnabled() {
        return permitsPerNano > 0;
    }

    /**
     * Takes one permit for {@code key} if it has one.
     *
     * @return true if the call may proceed, false if {@code key} is over its rate
     */
    public boolean tryAcquire(K key) {
        if (!isEnabled()) {
            return true;
        }
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys && !sweep(now)) {
                return false;
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.take(now);
    }

    /** Drops the bucket of a key that is gone for good (a closed connection), so it does not wait for a sweep. */
    public void forget(K key) {
        buckets.remove(key);
    }

    /** @return the number of keys with a bucket right now */
    public int trackedKeys() {
        return buckets.size();
    }

    /** Drops full (idle) buckets, at most once per refill period; @return true if there is room for a new key */
    private boolean sweep(long now) {
        if (now - lastSweepNanos >= refillNanos) {
            lastSweepNanos = now;
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
        }
        return buckets.size() < maxKeys;
    }

    /** One key's tokens; guarded by its own monitor. */
    private final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            if (now > updatedNanos) {
                tokens = Math.min(burst, tokens + (now - updatedNanos) * permitsPerNano);
                updatedNanos = now;
            }
        }
    }
}
