package io.kalamdb.core.auth;

import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.StoreBatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A durable set of token ids ({@code jti}, RFC 7519 §4.1.7), each kept until its token's {@code exp} plus the
 * verifier's clock skew — after that the token is refused as expired anyway. {@link AuthService} keeps two: the
 * revoked access tokens, and the refresh tokens that are still usable. Persisted in {@code system_meta} under
 * {@code <prefix><jti>} (value: the epoch second after which the entry may be forgotten, 8 bytes) so the set survives
 * a restart, and held in memory so that a lookup is a hash lookup, never a store read. Expired entries are dropped
 * when the store is opened and, lazily, by an {@link #add} at most once a minute. Thread-safe.
 */
public final class TokenIdSet {
    private static final long PURGE_INTERVAL_SECONDS = 60;

    private final KalamStore store;
    private final Partition meta;
    private final byte[] prefix;
    private final Clock clock;
    /** jti → the epoch second after which the entry may be forgotten. */
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private volatile long nextPurge;

    /**
     * Loads the set's entries from {@code system_meta} and deletes the expired ones.
     *
     * @param store  the engine's store
     * @param prefix the key prefix of this set in {@code system_meta}, e.g. {@code revoked_token:}
     * @param clock  the time expiries are compared with
     */
    public TokenIdSet(KalamStore store, String prefix, Clock clock) {
        this.store = store;
        this.meta = store.partition(KalamStore.SYSTEM_META);
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
        try (RangeScan scan = store.scan(meta, this.prefix, KeyCodec.prefixEnd(this.prefix), null)) {
            scan.forEachRemaining(kv -> ids.put(jti(kv), KeyCodec.decodeLong(kv.value(), 0)));
        }
        purge();
    }

    /**
     * Adds a token id until the token's expiry; durable once this returns.
     *
     * @param jti       the token's {@code jti}
     * @param expiresAt the token's {@code exp}
     * @return true if this call added it, false if it was already present (so that of two concurrent revocations
     *         of one token exactly one wins)
     */
    public boolean add(String jti, Instant expiresAt) {
        long forgetAfter = expiresAt.getEpochSecond() + TokenService.CLOCK_SKEW_SECONDS;
        if (ids.putIfAbsent(jti, forgetAfter) != null) {
            return false;
        }
        store.commit(store.newBatch().put(meta, key(jti), KeyCodec.encodeLong(forgetAfter)));
        if (clock.instant().getEpochSecond() >= nextPurge) {
            purge();
        }
        return true;
    }

    /**
     * Removes a token id; durable once this returns.
     *
     * @param jti the token's {@code jti}
     * @return true if this call removed it, false if it was absent (so that of two concurrent uses of one refresh
     *         token exactly one wins)
     */
    public boolean remove(String jti) {
        if (ids.remove(jti) == null) {
            return false;
        }
        store.commit(store.newBatch().delete(meta, key(jti)));
        return true;
    }

    /**
     * @param jti a token's {@code jti}
     * @return whether the set holds it; a memory lookup
     */
    public boolean contains(String jti) {
        return ids.containsKey(jti);
    }

    /** @return how many ids are held (expired ones not yet purged included) */
    public int size() {
        return ids.size();
    }

    /** Forgets the ids of tokens that have expired, in memory and in the store. */
    private synchronized void purge() {
        long now = clock.instant().getEpochSecond();
        if (now < nextPurge) {
            return; // another add purged while this one waited for the lock
        }
        nextPurge = now + PURGE_INTERVAL_SECONDS;
        StoreBatch batch = store.newBatch();
        ids.forEach((jti, forgetAfter) -> {
            if (forgetAfter < now && ids.remove(jti, forgetAfter)) {
                batch.delete(meta, key(jti));
            }
        });
        store.commit(batch);
    }

    private byte[] key(String jti) {
        return KeyCodec.concat(prefix, jti.getBytes(StandardCharsets.UTF_8));
    }

    private String jti(KeyValue kv) {
        return new String(kv.key(), prefix.length, kv.key().length - prefix.length, StandardCharsets.UTF_8);
    }
}
