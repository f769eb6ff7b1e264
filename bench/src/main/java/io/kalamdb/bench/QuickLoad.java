package io.kalamdb.bench;

import java.util.List;

/**
 * A quick load test of a running server from one keep-alive HTTP client, as root: after a warm-up of each kind, in
 * tables of its own, (1) single-row INSERTs, (2) multi-row INSERTs, (3) primary-key SELECTs of random rows of (2). Each run writes into fresh USER
 * tables {@code bench.quickload_*_<run>} and drops them at the end; it prints one table and writes nothing else.
 * Usage: {@link QuickLoadOptions#USAGE}.
 */
public final class QuickLoad {
    private static final long LOOKUP_SEED = 42;

    private final QuickLoadOptions options;
    private final KalamHttpTarget target;
    private final Workloads workloads;

    /** @param options what to run against which server */
    public QuickLoad(QuickLoadOptions options) {
        this.options = options;
        this.target = new KalamHttpTarget(HttpTransport.named(options.client(), options.url()), options.rootToken());
        this.workloads = new Workloads(target);
    }

    /**
     * Runs the warm-up and the three measured workloads.
     *
     * @return single-row INSERT, multi-row INSERT and primary-key SELECT, in that order
     * @throws TargetException if a statement fails; the run's tables are dropped all the same
     */
    public List<Measurement> run() {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        BenchTable warmup = BenchTable.named("quickload_warmup", runId);
        BenchTable warmupBatch = BenchTable.named("quickload_warmup_batch", runId);
        BenchTable single = BenchTable.named("quickload_single", runId);
        BenchTable batch = BenchTable.named("quickload_batch", runId);
        List<BenchTable> tables = List.of(warmup, warmupBatch, single, batch);
        try {
            tables.forEach(t -> target.execute(t.create(), List.of()));
            workloads.singleRowInserts(warmup, options.warmup());
            workloads.batchInserts("warm-up", warmupBatch, options.warmupBatches(), options.batchRows());
            workloads.primaryKeyLookups(warmup, options.warmup(), options.warmup(), LOOKUP_SEED);
            Measurement inserts = workloads.singleRowInserts(single, options.inserts());
            Measurement batches = workloads.batchInserts(options.batchRows() + "-row INSERT", batch, options.batches(),
                    options.batchRows());
            Measurement lookups = workloads.primaryKeyLookups(batch, (long) options.batches() * options.batchRows(),
                    options.lookups(), LOOKUP_SEED);
            return List.of(inserts, batches, lookups);
        } finally {
            tables.forEach(t -> target.execute(t.drop(), List.of()));
        }
    }

    /**
     * Runs QuickLoad and prints the table; exits with 2 on bad options, 1 if the server failed a statement.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        QuickLoadOptions options;
        try {
            options = QuickLoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(QuickLoadOptions.USAGE);
            System.exit(2);
            return;
        }
        QuickLoad quickLoad = new QuickLoad(options);
        try {
            String version = quickLoad.target.version();
            List<Measurement> measurements = quickLoad.run();
            System.out.print(ResultTable.render("QuickLoad: KalamDB " + version + " at " + options.url()
                    + ", 1 client (" + options.client() + "), HTTP/1.1 keep-alive; warm-up: " + options.warmup() + " single-row INSERTs, "
                    + options.warmupBatches() + " " + options.batchRows() + "-row INSERTs, " + options.warmup()
                    + " lookups",
                    measurements));
        } catch (TargetException e) {
            System.err.println("QuickLoad failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
