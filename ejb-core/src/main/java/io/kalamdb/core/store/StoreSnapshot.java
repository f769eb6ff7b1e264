package io.kalamdb.core.store;

import org.rocksdb.Snapshot;

/** A consistent point-in-time view of the whole store; release it by closing. */
public final class StoreSnapshot implements AutoCloseable {
    private final Snapshot snapshot;
    private final Runnable release;

    StoreSnapshot(Snapshot snapshot, Runnable release) {
        this.snapshot = snapshot;
        this.release = release;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public void close() {
        release.run();
    }
}
