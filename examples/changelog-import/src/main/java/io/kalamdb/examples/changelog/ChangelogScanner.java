package io.kalamdb.examples.changelog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds and parses the Debian changelogs of the installed packages: {@code <docDir>/<package>/changelog.Debian.gz}
 * (gzip, UTF-8; the few older Latin-1 bytes are read as U+FFFD).
 */
public final class ChangelogScanner {
    /** Where Debian installs package documentation. */
    public static final Path DEBIAN_DOC_DIR = Path.of("/usr/share/doc");
    /** The changelog's file name inside a package's documentation directory. */
    public static final String CHANGELOG_FILE = "changelog.Debian.gz";

    private final ChangelogParser parser = new ChangelogParser();

    /**
     * Reads the changelogs of the first {@code maxPackages} package directories that have one, in name order.
     *
     * @param docDir      the documentation directory, normally {@link #DEBIAN_DOC_DIR}
     * @param maxPackages the most changelog files to read; {@link Integer#MAX_VALUE} for all
     * @return the files read and their distinct entries
     * @throws IOException if the directory or a file cannot be read, or a file is not gzip
     */
    public ChangelogCorpus scan(Path docDir, int maxPackages) throws IOException {
        List<Path> files;
        try (Stream<Path> packages = Files.list(docDir)) {
            files = packages.sorted().map(p -> p.resolve(CHANGELOG_FILE)).filter(Files::isRegularFile)
                    .limit(maxPackages).toList();
        }
        int parsed = 0;
        int malformed = 0;
        Set<ChangelogEntry> distinct = new LinkedHashSet<>();
        for (Path file : files) {
            ParsedChangelog changelog = parse(file);
            parsed += changelog.entries().size();
            malformed += changelog.malformed();
            distinct.addAll(changelog.entries());
        }
        return new ChangelogCorpus(files.size(), parsed, malformed, List.copyOf(distinct));
    }

    private ParsedChangelog parse(Path file) throws IOException {
        try (Reader text = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8)) {
            return parser.parse(text);
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
