package io.kalamdb.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kalamdb.bench.report.Charts;
import io.kalamdb.bench.report.MachineInfo;
import io.kalamdb.bench.report.MarkdownReport;
import io.kalamdb.bench.report.Ratio;
import io.kalamdb.bench.report.RunRecord;
import io.kalamdb.bench.sut.KalamServerProcess;
import io.kalamdb.bench.sut.KalamSystem;
import io.kalamdb.bench.sut.PostgresCluster;
import io.kalamdb.bench.sut.PostgresSystem;
import io.kalamdb.bench.sut.SystemUnderTest;
import io.kalamdb.bench.workload.InsertThroughput;
import io.kalamdb.bench.workload.NotificationLatency;
import io.kalamdb.bench.workload.PointQuery;
import io.kalamdb.bench.workload.ResumeWithoutLoss;
import io.kalamdb.bench.workload.RowCorpus;
import io.kalamdb.bench.workload.SubscriptionCapacity;
import io.kalamdb.bench.workload.Window;
import io.kalamdb.bench.workload.WorkloadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The comparison harness ({@code bench/run}): starts a KalamDB server and a throwaway PostgreSQL cluster per
 * durability mode, runs the chosen workloads on both, and writes {@code <out>/<timestamp>.json}, a Markdown report
 * {@code <out>/<timestamp>.md} and PNG charts beside it. Exit code 0 once they are written (a workload a system cannot
 * run in this setting, W3 and W5 on PostgreSQL without wal2json, is a note in the report, not a failure); a failing
 * step aborts the run before they are written, and picocli exits 1 (2 for invalid options).
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = "Runs the KalamDB vs PostgreSQL benchmark and writes bench/results/<timestamp>.{json,md,png}.")
public final class BenchHarness implements Callable<Integer> {
    private static final String NO_RELAY = "wal2json is not installed in this PostgreSQL: W3 and W5 ran on KalamDB only"
            + " (install postgresql-15-wal2json for the peer's realtime pipeline).";

    @Option(names = "--mode", description = "quick (about 30 s of measuring, what CI runs) or full", defaultValue = "quick")
    String mode;

    @Option(names = "--workloads", split = ",", description = "workloads to run (default: all of W1,W2,W3,W4,W5)",
            defaultValue = "W1,W2,W3,W4,W5")
    List<String> workloads;

    @Option(names = "--durability", split = ",", description = "relaxed and/or strict (default: quick relaxed, full both)")
    List<String> durabilities;

    @Option(names = "--out", description = "output directory", defaultValue = "bench/results")
    Path out;

    @Option(names = "--liberty", description = "the Liberty installation with server kalamdb",
            defaultValue = "ear/target/liberty/wlp")
    Path liberty;

    @Option(names = "--pg-bin", description = "PostgreSQL's bin directory", defaultValue = "/usr/lib/postgresql/15/bin")
    Path pgBin;

    @Option(names = "--http-client", description = "KalamDB's HTTP client for W1/W2: raw (a minimal HTTP/1.1 socket"
            + " client, the default) or jdk (the JDK HttpClient)", defaultValue = "raw")
    String httpClient;

    @Option(names = "--no-peer", description = "run KalamDB only")
    boolean noPeer;

    @Option(names = "--doc-dir", description = "where the changelog corpus is", defaultValue = "/usr/share/doc")
    Path docDir;

    /** Runs the harness; see {@link BenchHarness}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchHarness()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RunPlan plan = switch (mode) {
            case "quick" -> RunPlan.QUICK;
            case "full" -> RunPlan.FULL;
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "--mode must be quick or full");
        };
        if (durabilities != null) {
            plan = plan.withDurabilities(durabilities);
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MachineInfo machine = MachineInfo.current();
        RowCorpus corpus = RowCorpus.load(docDir);
        List<WorkloadResult> results = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String durability : plan.durabilities()) {
            Path work = Files.createTempDirectory("kalamdb-bench-" + durability + "-");
            try (KalamServerProcess kalam = KalamServerProcess.start(liberty, work.resolve("kalamdb"),
                    ServerSettings.kalamdb(durability));
                 PostgresCluster pg = noPeer ? null : PostgresCluster.start(pgBin, work, durability.equals("strict"))) {
                List<SystemUnderTest> systems = new ArrayList<>();
                systems.add(new KalamSystem(kalam.url(), httpClient));
                if (pg != null) {
                    systems.add(new PostgresSystem(pg));
                }
                try {
                    for (SystemUnderTest sut : systems) {
                        String version = sut.version();
                        versions.put(sut.name(), version);
                        log("%s (%s)", version, durability);
                        results.addAll(run(plan, sut, durability, corpus, notes));
                    }
                    if (workloads.contains("W4")) {
                        results.add(capacity(plan, (KalamSystem) systems.get(0), kalam, durability, corpus));
                    }
                } finally {
                    for (SystemUnderTest sut : systems) {
                        sut.close();
                    }
                }
            }
        }
        if (noPeer) {
            notes.add("Run with --no-peer: PostgreSQL was not measured.");
        }
        Files.createDirectories(out);
        String prefix = started.toString().replace(":", "");
        RunRecord record = new RunRecord(started.toString(), plan.name(), machine, versions,
                ServerSettings.describe(plan, httpClient), List.copyOf(notes), results, Ratio.of(results));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(prefix + ".json").toFile(),
                record);
        List<String[]> charts = Charts.write(out, prefix, results);
        Files.writeString(out.resolve(prefix + ".md"), MarkdownReport.render(record, charts));
        log("wrote %s", out.resolve(prefix + ".md"));
        return 0;
    }

    private List<WorkloadResult> run(RunPlan plan, SystemUnderTest sut, String durability, RowCorpus corpus,
                                     Set<String> notes) throws Exception {
        List<WorkloadResult> out = new ArrayList<>();
        InsertThroughput w1 = new InsertThroughput(corpus);
        w1.run(sut, durability, "warm_up", 4, 10, 100, new Window(Duration.ZERO, plan.systemWarmUp()));
        if (workloads.contains("W1")) {
            int n = 0;
            for (RunPlan.InsertVariant v : plan.w1()) {
                WorkloadResult r = w1.run(sut, durability, "w1_" + n++, v.clients(), v.rowsPerStatement(), v.users(),
                        plan.window());
                log("  W1 %-34s %10.0f rows/s  p50 %.3f ms", r.variant(), r.rowsPerSecond(), r.latency().p50() / 1e6);
                out.add(r);
            }
        }
        if (workloads.contains("W2")) {
            for (WorkloadResult r : new PointQuery(corpus).run(sut, durability, "w2", plan.w2Rows(), plan.window())) {
                log("  W2 %-34s p50 %.3f ms  p99 %.3f ms", r.variant(), r.latency().p50() / 1e6, r.latency().p99() / 1e6);
                out.add(r);
            }
        }
        if (workloads.contains("W3")) {
            int n = 0;
            for (RunPlan.LiveVariant v : plan.w3()) {
                WorkloadResult r = new NotificationLatency(corpus).run(sut, durability, "w3_" + n++, v.subscribers(),
                        v.connections(), v.changesPerSecond(), plan.window());
                if (r == null) {
                    notes.add(NO_RELAY);
                    break;
                }
                log("  W3 %-34s p50 %.3f ms  p99 %.3f ms  %s", r.variant(), r.latency().p50() / 1e6,
                        r.latency().p99() / 1e6, r.extra());
                out.add(r);
            }
        }
        if (workloads.contains("W5")) {
            RunPlan.ResumeVariant v = plan.w5();
            WorkloadResult r = new ResumeWithoutLoss(corpus).run(sut, durability, "w5", v.subscribers(),
                    v.changesPerSecond(), v.dropEvery(), v.gap(), v.writing());
            if (r == null) {
                notes.add(NO_RELAY);
            } else {
                log("  W5 %-34s %s", r.variant(), r.extra());
                out.add(r);
            }
        }
        return out;
    }

    private static WorkloadResult capacity(RunPlan plan, KalamSystem kalam, KalamServerProcess server, String durability,
                                           RowCorpus corpus) throws Exception {
        RunPlan.Ramp ramp = plan.w4();
        WorkloadResult r = new SubscriptionCapacity(corpus).run(kalam, server.memory(), durability, "w4", ramp.target(),
                ramp.perConnection(), ramp.stepConnections(), ramp.connectionsPerSecond(), ramp.p99BoundMillis());
        log("  W4 %s: %s", r.variant(), r.extra());
        return r;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
