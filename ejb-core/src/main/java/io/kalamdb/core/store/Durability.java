package io.kalamdb.core.store;

/**
 * The durability tier of acknowledged writes (DESIGN.md §3). Every commit goes through the RocksDB WAL; the
 * tier decides whether the WAL is fsynced before the write is acknowledged.
 */
public enum Durability {
    /** WAL without fsync per write: an acknowledged write survives a process crash, not a power loss. */
    RELAXED,
    /** WAL fsynced before acknowledging: an acknowledged write survives a power loss. */
    STRICT
}
