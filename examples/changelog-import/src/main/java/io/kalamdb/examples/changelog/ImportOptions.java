package io.kalamdb.examples.changelog;

import java.net.URI;
import java.nio.file.Path;

/**
 * The importer's command-line options.
 *
 * @param url         the server's base URL ({@code --url}, default {@value #DEFAULT_URL})
 * @param rootToken   a root access token ({@code --root-token}), or null to act as root over localhost without an
 *                    {@code Authorization} header, which works while root has no password
 * @param docDir      where the package documentation is ({@code --doc-dir}, default {@code /usr/share/doc})
 * @param maxPackages the most changelog files to read, in package-name order ({@code --max-packages}, default all)
 * @param threads     the users worked on in parallel ({@code --threads}, default {@value #DEFAULT_THREADS})
 * @param batchSize   the most rows per INSERT ({@code --batch-size}, default {@value #DEFAULT_BATCH_SIZE})
 */
public record ImportOptions(URI url, String rootToken, Path docDir, int maxPackages, int threads, int batchSize) {
    /** The default server. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    /** The default number of threads. */
    public static final int DEFAULT_THREADS = 4;
    /** The default INSERT batch size, in rows. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The usage text. */
    public static final String USAGE = "usage: java -jar changelog-import.jar [--url " + DEFAULT_URL + "]"
            + " [--root-token JWT] [--doc-dir /usr/share/doc] [--max-packages N] [--threads "
            + DEFAULT_THREADS + "] [--batch-size " + DEFAULT_BATCH_SIZE + "]";

    /** @throws IllegalArgumentException if a number is less than 1 */
    public ImportOptions {
        if (maxPackages < 1 || threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--max-packages, --threads and --batch-size must be at least 1");
        }
    }

    /**
     * Reads the command line.
     *
     * @param args {@code --name value} pairs, in any order
     * @return the options, defaults for those not given
     * @throws IllegalArgumentException on an unknown option, a missing value or a value that is not a number
     */
    public static ImportOptions parse(String... args) {
        URI url = URI.create(DEFAULT_URL);
        String rootToken = null;
        Path docDir = ChangelogScanner.DEBIAN_DOC_DIR;
        int maxPackages = Integer.MAX_VALUE;
        int threads = DEFAULT_THREADS;
        int batchSize = DEFAULT_BATCH_SIZE;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("Missing value of " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = URI.create(value);
                case "--root-token" -> rootToken = value;
                case "--doc-dir" -> docDir = Path.of(value);
                case "--max-packages" -> maxPackages = number(args[i], value);
                case "--threads" -> threads = number(args[i], value);
                case "--batch-size" -> batchSize = number(args[i], value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new ImportOptions(url, rootToken, docDir, maxPackages, threads, batchSize);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value, e);
        }
    }
}
