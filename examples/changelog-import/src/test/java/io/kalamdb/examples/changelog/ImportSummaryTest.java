package io.kalamdb.examples.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportSummaryTest {
    private static final ChangelogCorpus CORPUS = new ChangelogCorpus(2, 5, 0, List.of());
    private static final ImportSummary.Timings TIMINGS = new ImportSummary.Timings(10, 6, 2, 1);

    private static ImportSummary summary(int maintainers, List<CountCheck> checks, List<String> errors) {
        return new ImportSummary(URI.create("http://127.0.0.1:8080"), CORPUS, maintainers, 2, 0, 0, 0, 5, 0, checks,
                errors, null, TIMINGS);
    }

    @Test
    void okWhenEveryMaintainerIsCheckedAndMatches() {
        ImportSummary summary = summary(2, List.of(new CountCheck(new UserId("cl_a"), 3, 3),
                new CountCheck(new UserId("cl_b"), 2, 2)), List.of());

        assertTrue(summary.ok());
        assertEquals(2.5, summary.insertRowsPerSecond());
        assertEquals(0.5, summary.overallRowsPerSecond());
        assertTrue(summary.render().contains("counts verified        2 users, 0 mismatches"), summary::render);
        assertTrue(summary.render().endsWith("result                 OK" + System.lineSeparator()), summary::render);
    }

    @Test
    void aMismatchOrAFailedMaintainerIsNotOkAndIsListed() {
        ImportSummary mismatch = summary(2, List.of(new CountCheck(new UserId("cl_a"), 3, 2),
                new CountCheck(new UserId("cl_b"), 2, 2)), List.of());
        ImportSummary failed = summary(2, List.of(new CountCheck(new UserId("cl_a"), 3, 3)),
                List.of("cl_b: POST /v1/api/sql → 500: boom"));

        assertFalse(mismatch.ok());
        assertEquals(List.of(new CountCheck(new UserId("cl_a"), 3, 2)), mismatch.mismatches());
        assertTrue(mismatch.render().contains("  mismatch             cl_a: expected 3 rows, found 2"),
                mismatch::render);
        assertFalse(failed.ok());
        assertTrue(failed.render().contains("  error                cl_b: POST /v1/api/sql → 500: boom"),
                failed::render);
    }
}
