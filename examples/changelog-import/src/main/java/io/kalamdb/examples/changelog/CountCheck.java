package io.kalamdb.examples.changelog;

/**
 * A maintainer's row count, read back with {@code SELECT COUNT(*)} under their own token, against the number of
 * entries the import gave them.
 *
 * @param userId   the maintainer's user
 * @param expected their entries, in rows
 * @param actual   the rows their partition holds
 */
public record CountCheck(UserId userId, long expected, long actual) {
    /** @return true if the counts differ */
    public boolean mismatch() {
        return expected != actual;
    }
}
