package io.kalamdb.examples.changelog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The real changelogs in {@code src/test/resources/doc}, copied from {@code /usr/share/doc} of a Debian 12 machine:
 * {@code sed} (4 entries), {@code time} (31, with old-format history after the last entry), and
 * {@code libthai0} and {@code libthai-data} (the same 67-entry file, as Debian ships it for both).
 */
final class Changelogs {
    private Changelogs() {
    }

    /** @return the documentation directory holding the copies */
    static Path docDir() {
        try {
            return Path.of(Changelogs.class.getResource("/doc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the parsed changelog of {@code pkg} */
    static ParsedChangelog parse(String pkg) {
        try (Reader text = new InputStreamReader(new GZIPInputStream(Files.newInputStream(
                docDir().resolve(pkg).resolve(ChangelogScanner.CHANGELOG_FILE))), StandardCharsets.UTF_8)) {
            return new ChangelogParser().parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
