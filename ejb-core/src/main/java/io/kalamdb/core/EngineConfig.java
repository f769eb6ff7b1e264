package io.kalamdb.core;

import io.kalamdb.core.auth.TokenSettings;
import io.kalamdb.core.store.Durability;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Engine settings (documented in {@code docs/operations.md}).
 *
 * @param dataDir      the data directory; RocksDB lives in {@code <dataDir>/rocksdb}
 * @param durability   whether commits fsync the WAL
 * @param nodeId       this node's id in Snowflake {@code _seq} values, 0..1023
 * @param rootPassword a password to set for root at start-up, or null
 * @param bcryptCost   bcrypt work factor (4..31)
 * @param tokens       token lifetimes, signing secret and external issuers
 */
public record EngineConfig(Path dataDir, Durability durability, int nodeId, String rootPassword, int bcryptCost,
                           TokenSettings tokens) {
    /** Requires the data directory, the durability and the token settings. */
    public EngineConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * @return defaults for a data directory: relaxed durability, node 0, bcrypt 12, {@link TokenSettings#defaults()}
     *         (1 h / 7 d tokens, generated secret, no external issuers)
     */
    public static EngineConfig defaults(Path dataDir) {
        return new EngineConfig(dataDir, Durability.RELAXED, 0, null, 12, TokenSettings.defaults());
    }
}
