package io.kalamdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class QuickLoadOptionsTest {
    @Test
    void defaultsAreTheDocumentedQuickLoad() {
        QuickLoadOptions options = QuickLoadOptions.parse();

        assertEquals(new QuickLoadOptions(URI.create("http://127.0.0.1:8080"), null, 1000, 5000, 20, 1000, 5000, "jdk"),
                options);
        assertEquals(100, options.warmupBatches());
    }

    @Test
    void everyOptionIsReadAndTheBatchWarmUpIsATenthButAtLeastOne() {
        QuickLoadOptions options = QuickLoadOptions.parse("--url", "http://db:9090", "--root-token", "jwt",
                "--warmup", "5", "--inserts", "10", "--batches", "2", "--batch-rows", "50", "--lookups", "20",
                "--client", "raw");

        assertEquals(new QuickLoadOptions(URI.create("http://db:9090"), "jwt", 5, 10, 2, 50, 20, "raw"), options);
        assertEquals(1, options.warmupBatches());
    }

    @Test
    void unknownOptionsMissingValuesAndNonPositiveCountsAreRefused() {
        assertEquals("Unknown option --threads",
                assertThrows(IllegalArgumentException.class, () -> QuickLoadOptions.parse("--threads", "4"))
                        .getMessage());
        assertEquals("Missing value of --url",
                assertThrows(IllegalArgumentException.class, () -> QuickLoadOptions.parse("--url")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuickLoadOptions.parse("--lookups", "0"));
    }
}
