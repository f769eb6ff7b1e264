package io.kalamdb.examples.changelog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Imports the machine's Debian changelogs into KalamDB: reads and groups the entries by maintainer, creates the
 * table as root, then, on a pool of {@code threads} threads over the maintainers, (1) makes each maintainer a
 * user and logs them in, (2) writes their entries with their own token, (3) reads each user's row count back
 * under their token; finally runs the {@link SampleQueries}. A maintainer that fails is reported in the summary
 * and skipped by the later phases.
 */
public final class ChangelogImporter {
    private static final double NANOS_PER_SECOND = 1e9;

    private final ImportOptions options;
    private final KalamHttpClient client;

    /** @param options what to import and where */
    public ChangelogImporter(ImportOptions options) {
        this.options = options;
        this.client = new KalamHttpClient(options.url());
    }

    /**
     * Runs the import.
     *
     * @return the summary; {@link ImportSummary#ok()} tells whether every maintainer's rows arrived
     * @throws IOException if the changelogs cannot be read
     * @throws KalamApiException if the table cannot be created or the users cannot be listed
     * @throws InterruptedException if interrupted while waiting for the pool
     */
    public ImportSummary run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        ChangelogCorpus corpus = new ChangelogScanner().scan(options.docDir(), options.maxPackages());
        List<MaintainerAccount> accounts = MaintainerAccount.group(corpus.entries());
        client.sql(options.rootToken(), NotesTable.CREATE, List.of());
        UserProvisioner provisioner = new UserProvisioner(client, options.rootToken());
        Set<UserId> active = provisioner.activeUsers();
        NotesWriter writer = new NotesWriter(client, options.batchSize());
        List<String> errors = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            long usersStart = System.nanoTime();
            List<MaintainerSession> sessions = inParallel(pool, accounts,
                    a -> provisioner.provision(a, active.contains(a.userId())), MaintainerAccount::email, errors);
            long insertStart = System.nanoTime();
            List<WriteOutcome> writes = inParallel(pool, sessions, writer::write, s -> s.userId().value(), errors);
            long verifyStart = System.nanoTime();
            List<CountCheck> checks = inParallel(pool, sessions, s -> new CountCheck(s.userId(),
                    s.account().entries().size(), client.queryLong(s.token(), NotesTable.COUNT)),
                    s -> s.userId().value(), errors);
            long verifyEnd = System.nanoTime();
            SampleQueries.Answers answers = sessions.stream()
                    .max(Comparator.comparingInt(s -> s.account().entries().size()))
                    .map(new SampleQueries(client, options.rootToken())::run).orElse(null);
            ImportSummary.Timings timings = new ImportSummary.Timings(seconds(start, System.nanoTime()),
                    seconds(usersStart, insertStart), seconds(insertStart, verifyStart), seconds(verifyStart, verifyEnd));
            int created = (int) sessions.stream().filter(MaintainerSession::created).count();
            return new ImportSummary(options.url(), corpus, accounts.size(), created, sessions.size() - created,
                    writes.stream().mapToLong(WriteOutcome::preExisting).sum(),
                    writes.stream().mapToLong(WriteOutcome::deleted).sum(),
                    writes.stream().mapToLong(WriteOutcome::inserted).sum(),
                    (int) writes.stream().filter(WriteOutcome::upToDate).count(), checks, errors, answers, timings);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Applies {@code work} to every item on the pool and waits for all.
     *
     * @return the results of the items that succeeded, in item order; each failure is added to {@code errors} as
     *         {@code label: message}
     */
    private static <T, R> List<R> inParallel(ExecutorService pool, List<T> items, Function<T, R> work,
                                             Function<T, String> label, List<String> errors)
            throws InterruptedException {
        List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> work.apply(item))).toList();
        List<R> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (ExecutionException e) {
                errors.add(label.apply(items.get(i)) + ": " + e.getCause().getMessage());
            }
        }
        return results;
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / NANOS_PER_SECOND;
    }
}
