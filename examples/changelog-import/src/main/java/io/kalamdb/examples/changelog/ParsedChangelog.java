package io.kalamdb.examples.changelog;

import java.util.List;

/**
 * What {@link ChangelogParser} read from one changelog.
 *
 * @param entries   the well-formed entries, in file order (newest first, as Debian writes them)
 * @param malformed how many entries were dropped: a header without a trailer before the next header or the
 *                  end, or a trailer without a header
 */
public record ParsedChangelog(List<ChangelogEntry> entries, int malformed) {
    /** Copies the list. */
    public ParsedChangelog {
        entries = List.copyOf(entries);
    }
}
