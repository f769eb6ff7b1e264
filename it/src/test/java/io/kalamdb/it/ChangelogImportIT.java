package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.examples.changelog.ChangelogCorpus;
import io.kalamdb.examples.changelog.ChangelogEntry;
import io.kalamdb.examples.changelog.ChangelogImporter;
import io.kalamdb.examples.changelog.ChangelogScanner;
import io.kalamdb.examples.changelog.CountCheck;
import io.kalamdb.examples.changelog.ImportOptions;
import io.kalamdb.examples.changelog.ImportSummary;
import io.kalamdb.examples.changelog.MaintainerAccount;
import io.kalamdb.examples.changelog.SampleQueries;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The changelog-import example against the real server: the first 15 changelogs of this machine's
 * {@code /usr/share/doc}, one user per maintainer, each writing and counting their own rows.
 */
class ChangelogImportIT {
    private static final ImportOptions OPTIONS = ImportOptions.parse(
            "--url", System.getProperty("kalamdb.it.url", KalamClient.DEFAULT_URL), "--max-packages", "15");

    private static ChangelogCorpus corpus;

    /** Drops the maintainers' users left by an earlier run, so that this one creates them. */
    @BeforeAll
    static void noMaintainerUsers() throws IOException {
        corpus = new ChangelogScanner().scan(OPTIONS.docDir(), OPTIONS.maxPackages());
        for (MaintainerAccount account : MaintainerAccount.group(corpus.entries())) {
            SqlApiIT.ok("DROP USER IF EXISTS '" + account.userId().value() + "'");
        }
    }

    @Test
    void importCreatesOneUserPerMaintainerVerifiesEveryCountAndRerunsWithoutWriting() throws Exception {
        int maintainers = MaintainerAccount.group(corpus.entries()).size();

        ImportSummary first = new ChangelogImporter(OPTIONS).run();

        assertTrue(first.ok(), first::render);
        assertEquals(15, first.corpus().files());
        assertTrue(maintainers > 1, "maintainers: " + maintainers);
        assertEquals(maintainers, first.maintainers());
        assertEquals(maintainers, first.usersCreated(), first::render);
        assertEquals(List.of(), first.errors());
        assertEquals(List.of(), first.mismatches());
        assertEquals(maintainers, first.checks().size());
        assertEquals(corpus.entries().size(), first.checks().stream().mapToLong(CountCheck::actual).sum());
        assertEquals(corpus.entries().size(), first.preExisting() - first.rowsDeleted() + first.rowsInserted(),
                first::render);
        MaintainerAccount busiest = MaintainerAccount.group(corpus.entries()).stream()
                .max(Comparator.comparingInt(a -> a.entries().size())).orElseThrow();
        SampleQueries.Answers answers = first.answers();
        assertEquals(busiest.userId(), answers.maintainer());
        assertEquals(topPackages(busiest), answers.topPackages());
        ChangelogEntry latest = busiest.entries().stream().filter(e -> e.releasedAt() != null)
                .max(Comparator.comparing(ChangelogEntry::releasedAt))
                .orElseThrow();
        assertEquals(latest.packageName() + " " + latest.version() + " (" + latest.distribution() + ")",
                answers.latestEntry());
        assertTrue(answers.systemUsers() > maintainers, first::render);

        ImportSummary again = new ChangelogImporter(OPTIONS).run();

        assertTrue(again.ok(), again::render);
        assertEquals(0, again.usersCreated());
        assertEquals(maintainers, again.usersReused());
        assertEquals(0, again.rowsInserted());
        assertEquals(0, again.rowsDeleted());
        assertEquals(maintainers, again.usersUpToDate());
        assertEquals(corpus.entries().size(), again.preExisting());
    }

    /** The maintainer's five packages with the most entries, counted here: most first, then by name. */
    private static List<SampleQueries.PackageCount> topPackages(MaintainerAccount maintainer) {
        Map<String, Long> perPackage = maintainer.entries().stream()
                .collect(Collectors.groupingBy(ChangelogEntry::packageName, Collectors.counting()));
        return perPackage.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(e -> new SampleQueries.PackageCount(e.getKey(), e.getValue())).toList();
    }
}
