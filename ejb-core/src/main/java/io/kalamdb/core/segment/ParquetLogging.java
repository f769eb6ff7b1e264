package io.kalamdb.core.segment;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps parquet-java's INFO chatter (one line per row group, codec and bloom filter) out of the server log:
 * {@code org.apache.parquet} is set to WARNING unless the operator configured a level for it.
 */
final class ParquetLogging {
    /** Held strongly: java.util.logging forgets the level of a logger that is garbage-collected. */
    private static final Logger PARQUET = Logger.getLogger("org.apache.parquet");

    private ParquetLogging() {
    }

    /** Sets {@code org.apache.parquet} to WARNING if no level is configured for it; idempotent. */
    static synchronized void quiet() {
        if (PARQUET.getLevel() == null) {
            PARQUET.setLevel(Level.WARNING);
        }
    }
}
