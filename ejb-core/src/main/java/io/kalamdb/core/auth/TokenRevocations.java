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
 * The revoked tokens (logout, used refresh tokens), by {@code jti} (RFC 7519 §4.1.7), each until its {@code exp}
 * plus the verifier's clock skew — after that the token is refused as expired anyway. Persisted in
 * {@code system_meta} under {@code revoked_token:<jti>} (value: the expiry, epoch seconds, 8 bytes big-endian) so
 * a revocation survives a restart, and held in memory so that a check is a hash lookup, never a store read.
 * Expired entries are dropped when the store is opened and, lazily, by a revocation at most once a minute.
 * Thread-safe.
 */
public final class TokenRevocations {
    private static final byte[] PREFIX = "revoked_token:".getBytes(StandardCharsets.UTF_8);
    private static final long PURGE_INTERVAL_SECONDS = 60;

    private final KalamStore store;
    private final Partition meta;
    private final Clock clock;
    /** jti → the epoch second after which the entry may be forgotten. */
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private volatile long nextPurge;

    /**
     * Loads the revocations persisted in {@code system_meta} and deletes the expired ones.
     *
     * @param store the engine's store
     * @param clock the time expiries are compared with
     */
    public TokenRevocations(KalamStore store, Clock clock) {
        this.store = store;
        this.meta = store.partition(KalamStore.SYSTEM_META);
        this.clock = Objects.requireNonNull(clock, "clock");
        try (RangeScan scan = store.scan(meta, PREFIX, KeyCodec.prefixEnd(PREFIX), null)) {
            scan.forEachRemaining(kv -> revoked.put(jti(kv), KeyCodec.decodeLong(kv.value(), 0)));
        }
        purge();
    }

    /**
     * Revokes a token until its expiry; durable once this returns.
     *
     * @param jti       the token's {@code jti}
     * @param expiresAt the token's {@code exp}
     * @return true if this call revoked it, false if it already was revoked (so that of two concurrent uses of
     *         one refresh token exactly one wins)
     */
    public boolean revoke(String jti, Instant expiresAt) {
        long forgetAfter = expiresAt.getEpochSecond() + TokenService.CLOCK_SKEW_SECONDS;
        if (revoked.putIfAbsent(jti, forgetAfter) != null) {
            return false;
        }
        store.commit(store.newBatch().put(meta, key(jti), KeyCodec.encodeLong(forgetAfter)));
        if (clock.instant().getEpochSecond() >= nextPurge) {
            purge();
        }
        return true;
    }

    /**
     * @param jti a token's {@code jti}
     * @return whether the token was revoked; a memory lookup
     */
    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    /** @return how many revocations are held (expired ones not yet purged included) */
    public int size() {
        return revoked.size();
    }

    /** Forgets the revocations of tokens that have expired, in memory and in the store. */
    private synchronized void purge() {
        long now = clock.instant().getEpochSecond();
        nextPurge = now + PURGE_INTERVAL_SECONDS;
        StoreBatch batch = store.newBatch();
        revoked.forEach((jti, forgetAfter) -> {
            if (forgetAfter < now && revoked.remove(jti, forgetAfter)) {
                batch.delete(meta, key(jti));
            }
        });
        store.commit(batch);
    }

    private static byte[] key(String jti) {
        return KeyCodec.concat(PREFIX, jti.getBytes(StandardCharsets.UTF_8));
    }

    private static String jti(KeyValue kv) {
        return new String(kv.key(), PREFIX.length, kv.key().length - PREFIX.length, StandardCharsets.UTF_8);
    }
}
