package io.kalamdb.examples.changelog;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of an import: what was read, what the server holds now, how long it took, and what went wrong.
 *
 * @param url            the server
 * @param corpus         the changelogs read
 * @param maintainers    the maintainers found (one user each)
 * @param usersCreated   the users the importer created
 * @param usersReused    the users that existed and were reused
 * @param preExisting    the rows the maintainers' partitions held before the import
 * @param rowsDeleted    the pre-existing rows deleted because a partition did not match its entries
 * @param rowsInserted   the rows inserted, as reported by the server
 * @param usersUpToDate  the users whose partition already held their entries and was left alone
 * @param checks         one row-count check per user that could log in
 * @param errors         failed maintainers, as {@code user-or-email: message}
 * @param answers        the sample queries' answers, or null if no maintainer could log in
 * @param timings        how long the import and its phases took
 */
public record ImportSummary(URI url, ChangelogCorpus corpus, int maintainers, int usersCreated, int usersReused,
                            long preExisting, long rowsDeleted, long rowsInserted, int usersUpToDate,
                            List<CountCheck> checks, List<String> errors, SampleQueries.Answers answers,
                            Timings timings) {
    /** Copies the lists. */
    public ImportSummary {
        checks = List.copyOf(checks);
        errors = List.copyOf(errors);
    }

    /** @return the checks whose counts differ */
    public List<CountCheck> mismatches() {
        return checks.stream().filter(CountCheck::mismatch).toList();
    }

    /** @return true if every maintainer was imported and every count matches */
    public boolean ok() {
        return errors.isEmpty() && mismatches().isEmpty() && checks.size() == maintainers;
    }

    /** @return inserted rows per second of the insert phase */
    public double insertRowsPerSecond() {
        return rowsInserted / timings.insertSeconds();
    }

    /** @return inserted rows per second of the whole import, user set-up included */
    public double overallRowsPerSecond() {
        return rowsInserted / timings.totalSeconds();
    }

    /** @return the summary as a few lines of text for people */
    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, "server", url + ", table " + NotesTable.NAME);
        line(out, "changelog files read", n(corpus.files()));
        line(out, "entries parsed", n(corpus.parsed()) + " (" + n(corpus.duplicates()) + " duplicates, "
                + n(corpus.malformed()) + " malformed dropped)");
        line(out, "entries to import", n(corpus.entries().size()));
        line(out, "users (maintainers)", n(maintainers) + " (" + n(usersCreated) + " created, " + n(usersReused)
                + " reused)");
        line(out, "rows inserted", n(rowsInserted) + " (pre-existing " + n(preExisting) + ", deleted "
                + n(rowsDeleted) + ", " + n(usersUpToDate) + " users already up to date)");
        line(out, "elapsed", String.format(Locale.ROOT, "%.1f s (users %.1f s, inserts %.1f s, verify %.1f s)",
                timings.totalSeconds(), timings.userSeconds(), timings.insertSeconds(), timings.verifySeconds()));
        line(out, "insert rate", String.format(Locale.ROOT, "%,.0f rows/s in the insert phase, %,.0f rows/s overall",
                insertRowsPerSecond(), overallRowsPerSecond()));
        line(out, "counts verified", n(checks.size()) + " users, " + n(mismatches().size()) + " mismatches");
        mismatches().forEach(m -> line(out, "  mismatch", m.userId() + ": expected " + n(m.expected())
                + " rows, found " + n(m.actual())));
        errors.forEach(e -> line(out, "  error", e));
        if (answers != null) {
            line(out, "busiest maintainer", answers.name() + " (" + answers.maintainer() + ")");
            answers.topPackages().forEach(p -> line(out, "  top package", p.packageName() + ": " + n(p.entries())));
            line(out, "  latest entry", answers.latestEntry());
            line(out, "system.users (root)", n(answers.systemUsers()));
        }
        line(out, "result", ok() ? "OK" : "FAILED");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-22s %s%n", label, value));
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * Wall-clock durations, in seconds.
     *
     * @param totalSeconds  the whole import, from reading the changelogs to the sample queries
     * @param userSeconds   creating (or resetting) the users and logging them in
     * @param insertSeconds counting, deleting and inserting rows
     * @param verifySeconds the row-count checks
     */
    public record Timings(double totalSeconds, double userSeconds, double insertSeconds, double verifySeconds) {
    }
}
