package io.kalamdb.examples.changelog;

/**
 * What {@link NotesWriter} did in one maintainer's partition.
 *
 * @param session     the maintainer
 * @param preExisting the rows the partition held before, in rows
 * @param deleted     the rows deleted because they did not match the entries to import, in rows
 * @param inserted    the rows inserted, in rows
 */
public record WriteOutcome(MaintainerSession session, long preExisting, long deleted, long inserted) {
    /** @return true if the partition already held exactly the maintainer's entries and was left alone */
    public boolean upToDate() {
        return preExisting > 0 && deleted == 0 && inserted == 0;
    }
}
