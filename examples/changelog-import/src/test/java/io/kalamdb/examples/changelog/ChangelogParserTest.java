package io.kalamdb.examples.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangelogParserTest {
    private static final Maintainer CLINT = new Maintainer("Clint Adams", "clint@debian.org");

    @Test
    void sedChangelogGivesEveryFieldOfItsFourEntries() {
        ParsedChangelog sed = Changelogs.parse("sed");

        assertEquals(0, sed.malformed());
        assertEquals(4, sed.entries().size());
        assertEquals(new ChangelogEntry("sed", "4.9-1", "unstable", "medium", CLINT,
                Instant.parse("2023-01-05T19:55:25Z"),
                "  * New upstream version.\n  * Switch to bundled help2man for man page generation."),
                sed.entries().get(0));
        assertEquals(new ChangelogEntry("sed", "4.8-1.1", "unstable", "medium",
                new Maintainer("Bastian Germann", "bage@debian.org"), Instant.parse("2022-12-21T12:44:30Z"),
                "  * Non-maintainer upload.\n"
                        + "  * d/copyright: Complete and convert to format 1.0. closes: #1019288.\n"
                        + "\n"
                        + "  [ Clint Adams ]\n"
                        + "  * Switch debhelper compat level to 13.\n"
                        + "  * Bump Standards-Version to 4.6.0.\n"
                        + "  * Set Rules-Requires-Root to no."),
                sed.entries().get(1));
    }

    @Test
    void commentsAfterTheLastEntryAreNotPartOfIt() {
        ChangelogEntry last = Changelogs.parse("sed").entries().get(3);

        assertEquals("4.7-1", last.version());
        assertEquals("  * New upstream version.  closes: #917065.", last.body());
        assertEquals(Instant.parse("2018-12-22T14:24:04Z"), last.releasedAt());
    }

    @Test
    void timeChangelogKeepsSeveralDistributionsSingleDigitDaysAndSkipsOldFormatHistory() {
        ParsedChangelog time = Changelogs.parse("time");

        assertEquals(31, time.entries().size());
        assertEquals(0, time.malformed());
        ChangelogEntry frozen = time.entries().stream().filter(e -> e.version().equals("1.7-9")).findFirst()
                .orElseThrow();
        assertEquals("frozen unstable", frozen.distribution());
        assertEquals(Instant.parse("2000-02-09T02:52:10Z"), frozen.releasedAt());
        ChangelogEntry v17 = time.entries().stream().filter(e -> e.version().equals("1.7-1")).findFirst()
                .orElseThrow();
        assertEquals(Instant.parse("1997-08-02T20:14:13Z"), v17.releasedAt());
        assertEquals("  * Added menu entry for html documentation", v17.body().lines().reduce((a, b) -> b).orElseThrow());
        ChangelogEntry last = time.entries().get(30);
        assertEquals("1.6-6", last.version());
        assertEquals(new Maintainer("Dirk Eddelbuettel", "edd@debian.org"), last.maintainer());
        assertEquals(Instant.parse("1997-01-16T02:46:39Z"), last.releasedAt());
    }

    @Test
    void dateWithAFullMonthNameIsRead() {
        ParsedChangelog libthai = Changelogs.parse("libthai0");

        assertEquals(67, libthai.entries().size());
        ChangelogEntry entry = libthai.entries().get(64);
        assertEquals("0.1.3-1", entry.version());
        assertEquals(new Maintainer("Pattara Kiatisevi", "ott@linux.thai.net"), entry.maintainer());
        assertEquals(Instant.parse("2004-02-23T04:10:00Z"), entry.releasedAt());
    }

    @Test
    void headersWithoutTrailerAndTrailersWithoutHeaderAreCountedAsMalformed() throws IOException {
        String text = """
                foo (1.2-1) unstable; urgency=low

                  * Lost its trailer.

                foo (1.1-1) unstable experimental; urgency=LOW (HIGH for m68k)

                  * Kept.

                 -- Jane Doe <Jane@Example.org>  Mon, 21 Nov 1999 01:30:56 +0100

                binutils (2.7-3):

                  * Old header without distribution.

                 -- Old Timer <old@example.org>  Sun, 21 Nov 1999 01:30:56 +0100

                foo (1.0-1) unstable; urgency=medium

                  * Date unreadable.

                 -- Jane Doe <jane@example.org>  yesterday
                """;

        ParsedChangelog parsed = new ChangelogParser().parse(new StringReader(text));

        assertEquals(2, parsed.malformed());
        assertEquals(List.of("1.1-1", "1.0-1"), parsed.entries().stream().map(ChangelogEntry::version).toList());
        ChangelogEntry kept = parsed.entries().get(0);
        assertEquals("unstable experimental", kept.distribution());
        assertEquals("low", kept.urgency());
        assertEquals("  * Kept.", kept.body());
        assertEquals(Instant.parse("1999-11-21T00:30:56Z"), kept.releasedAt(), "a wrong day of week is ignored");
        assertNull(parsed.entries().get(1).releasedAt());
    }
}
