package io.kalamdb.examples.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotesTableTest {
    @Test
    void insertBindsEightParametersPerRowWithTimestampsInEpochMicroseconds() {
        Maintainer jane = new Maintainer("Jane O'Doe", "jane@example.org");
        ChangelogEntry dated = new ChangelogEntry("foo", "1.1-1", "unstable", "low", jane,
                Instant.parse("1999-11-21T00:30:56.5Z"), "  * b");
        ChangelogEntry undated = new ChangelogEntry("foo", "1.0-1", "unstable", null, jane, null, "  * a");

        NotesTable.Statement insert = NotesTable.insert(List.of(dated, undated));

        assertEquals("INSERT INTO changelog.notes (package, version, distribution, urgency, maintainer, email,"
                + " released_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8),"
                + " ($9, $10, $11, $12, $13, $14, $15, $16)", insert.sql());
        assertEquals(Arrays.asList("foo", "1.1-1", "unstable", "low", "Jane O'Doe", "jane@example.org",
                943144256500000L, "  * b", "foo", "1.0-1", "unstable", null, "Jane O'Doe", "jane@example.org", null,
                "  * a"), insert.params());
    }

    @Test
    void anEmptyInsertIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NotesTable.insert(List.of()));
    }
}
