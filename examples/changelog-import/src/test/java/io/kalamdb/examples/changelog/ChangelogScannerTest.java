package io.kalamdb.examples.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ChangelogScannerTest {
    private final ChangelogScanner scanner = new ChangelogScanner();

    @Test
    void identicalChangelogsOfBinaryPackagesFromOneSourceAreImportedOnce() throws IOException {
        ChangelogCorpus corpus = scanner.scan(Changelogs.docDir(), Integer.MAX_VALUE);

        assertEquals(4, corpus.files());
        assertEquals(67 + 67 + 4 + 31, corpus.parsed());
        assertEquals(67, corpus.duplicates());
        assertEquals(67 + 4 + 31, corpus.entries().size());
        assertEquals(0, corpus.malformed());
    }

    @Test
    void maxPackagesReadsTheFirstPackageDirectoriesInNameOrder() throws IOException {
        ChangelogCorpus corpus = scanner.scan(Changelogs.docDir(), 3);

        assertEquals(3, corpus.files());
        assertEquals(67 + 67 + 4, corpus.parsed());
        assertEquals(67 + 4, corpus.entries().size());
        assertEquals("libthai", corpus.entries().get(0).packageName());
        assertEquals("sed", corpus.entries().get(67).packageName());
    }
}
