package io.kalamdb.examples.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportOptionsTest {
    @Test
    void defaultsImportEverythingFromLocalhostAsRoot() {
        assertEquals(new ImportOptions(URI.create("http://127.0.0.1:8080"), null, Path.of("/usr/share/doc"),
                Integer.MAX_VALUE, 4, 100), ImportOptions.parse());
    }

    @Test
    void everyOptionIsRead() {
        assertEquals(new ImportOptions(URI.create("http://db:9090"), "jwt", Path.of("/tmp/doc"), 15, 2, 50),
                ImportOptions.parse("--max-packages", "15", "--url", "http://db:9090", "--threads", "2",
                        "--batch-size", "50", "--root-token", "jwt", "--doc-dir", "/tmp/doc"));
    }

    @Test
    void unknownOptionsMissingValuesAndBadNumbersAreRefused() {
        assertEquals("Unknown option --user",
                assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--user", "x")).getMessage());
        assertEquals("Missing value of --threads",
                assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--threads")).getMessage());
        assertEquals("--threads needs a number, not four",
                assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--threads", "four"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImportOptions.parse("--batch-size", "0"));
    }
}
