package io.kalamdb.examples.changelog;

import java.util.List;

/**
 * The changelog entries found on the machine, ready to import.
 *
 * @param files      how many changelog files were read (one per installed binary package)
 * @param parsed     how many well-formed entries they held, duplicates included
 * @param malformed  how many entries were dropped as malformed
 * @param entries    the distinct entries: binary packages built from one source ship the same changelog, so an
 *                   entry equal in every field to an earlier one is kept once; in file order
 */
public record ChangelogCorpus(int files, int parsed, int malformed, List<ChangelogEntry> entries) {
    /** Copies the list. */
    public ChangelogCorpus {
        entries = List.copyOf(entries);
    }

    /** @return how many parsed entries were dropped as duplicates */
    public int duplicates() {
        return parsed - entries.size();
    }
}
