package io.kalamdb.core.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts things that are held open per key — WebSocket connections per client address — and refuses a key
 * more than {@code maxPerKey} at a time. Thread-safe; a key's entry is removed when its count drops to zero, so
 * memory is bounded by the number of open slots.
 *
 * @param <K> the key type (with value equality)
 */
public final class SlotLimiter<K> {
    private final int maxPerKey;
    private final Map<K, Integer> open = new ConcurrentHashMap<>();

    /** @param maxPerKey slots one key may hold at once; 0 or less turns the limit off */
    public SlotLimiter(int maxPerKey) {
        this.maxPerKey = maxPerKey;
    }

    /**
     * Takes a slot for {@code key} if it holds fewer than the maximum. Every successful call must be matched by
     * one {@link #release}.
     *
     * @return true if the slot was taken, false if {@code key} already holds the maximum
     */
    public boolean tryAcquire(K key) {
        boolean[] taken = {false};
        open.compute(key, (k, n) -> {
            int held = n == null ? 0 : n;
            if (maxPerKey > 0 && held >= maxPerKey) {
                return n;
            }
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    /** Gives back a slot taken by {@link #tryAcquire}. */
    public void release(K key) {
        open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** @return the slots {@code key} holds now */
    public int held(K key) {
        return open.getOrDefault(key, 0);
    }
}
