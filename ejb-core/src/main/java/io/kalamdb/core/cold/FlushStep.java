package io.kalamdb.core.cold;

/**
 * The points of a partition flush at which a crash leaves a distinct state on disk; tests inject a crash
 * at each ({@link TableFlusher#onStep}).
 */
public enum FlushStep {
    /** The segment is fully written (and fsynced) under its temporary name. */
    FILE_WRITTEN,
    /** The segment has its final name; no manifest names it yet. */
    FILE_RENAMED,
    /** The commit batch (manifest entry + deletion of the flushed hot rows) is built, not yet committed. */
    BEFORE_MANIFEST_COMMIT,
    /** The commit batch is committed; {@code manifest.json} is not yet rewritten. */
    AFTER_MANIFEST_COMMIT
}
