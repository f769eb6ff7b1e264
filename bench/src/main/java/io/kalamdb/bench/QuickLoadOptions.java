package io.kalamdb.bench;

import java.net.URI;

/**
 * QuickLoad's command-line options; every count is at least 1.
 *
 * @param url           the server ({@code --url}, default {@value #DEFAULT_URL})
 * @param rootToken     a root access token ({@code --root-token}), or null to act as root over localhost
 * @param warmup        warm-up single-row INSERTs and lookups before measuring ({@code --warmup}, default 1,000),
 *                      and a tenth as many multi-row INSERTs, at least 1
 * @param inserts       measured single-row INSERT statements ({@code --inserts}, default 5,000)
 * @param batches       measured multi-row INSERT statements ({@code --batches}, default 20)
 * @param batchRows     rows per multi-row INSERT ({@code --batch-rows}, default 1,000)
 * @param lookups       measured primary-key SELECTs ({@code --lookups}, default 5,000)
 * @param client        the HTTP client ({@code --client}): {@code jdk} (default, the JDK HttpClient) or
 *                      {@code raw} (a minimal socket client, to see the server without client overhead)
 */
public record QuickLoadOptions(URI url, String rootToken, int warmup, int inserts, int batches, int batchRows,
                               int lookups, String client) {
    /** The default server. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    /** The usage text. */
    public static final String USAGE = "usage: java -jar bench.jar [--url " + DEFAULT_URL + "] [--root-token JWT]"
            + " [--warmup 1000] [--inserts 5000] [--batches 20] [--batch-rows 1000] [--lookups 5000] [--client jdk|raw]";

    /** @throws IllegalArgumentException if a count is less than 1 or the client is unknown */
    public QuickLoadOptions {
        if (warmup < 1 || inserts < 1 || batches < 1 || batchRows < 1 || lookups < 1) {
            throw new IllegalArgumentException("every count must be at least 1");
        }
        if (!client.equals("jdk") && !client.equals("raw")) {
            throw new IllegalArgumentException("--client must be jdk or raw, not " + client);
        }
    }

    /**
     * Reads the command line.
     *
     * @param args {@code --name value} pairs, in any order
     * @return the options, defaults for those not given
     * @throws IllegalArgumentException on an unknown option, a missing value or a value that is not a number
     */
    public static QuickLoadOptions parse(String... args) {
        URI url = URI.create(DEFAULT_URL);
        String rootToken = null;
        int warmup = 1000;
        int inserts = 5000;
        int batches = 20;
        int batchRows = 1000;
        int lookups = 5000;
        String client = "jdk";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("Missing value of " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = URI.create(value);
                case "--root-token" -> rootToken = value;
                case "--warmup" -> warmup = number(args[i], value);
                case "--inserts" -> inserts = number(args[i], value);
                case "--batches" -> batches = number(args[i], value);
                case "--batch-rows" -> batchRows = number(args[i], value);
                case "--lookups" -> lookups = number(args[i], value);
                case "--client" -> client = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new QuickLoadOptions(url, rootToken, warmup, inserts, batches, batchRows, lookups, client);
    }

    /** @return warm-up multi-row INSERT statements: a tenth of {@link #warmup()}, at least 1 */
    public int warmupBatches() {
        return Math.max(1, warmup / 10);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value, e);
        }
    }
}
