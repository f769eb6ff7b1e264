package io.kalamdb.bench.report;

import io.kalamdb.bench.LatencyStats;
import io.kalamdb.bench.workload.WorkloadResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readable report of a run: machine and settings, the targets with the figures that judge them, one table
 * per workload (each row stating durability, clients, batch size and pipelining), the charts, and the
 * KalamDB/PostgreSQL ratios.
 */
public final class MarkdownReport {
    private static final Map<String, String> TITLES = Map.of(
            "W1", "W1 — insert throughput into a per-user table",
            "W2", "W2 — point query by primary key within one user",
            "W3", "W3 — end-to-end change-notification latency",
            "W4", "W4 — concurrent subscriptions",
            "W5", "W5 — resume without loss");

    private static final Map<String, String> HOW = Map.of(
            "W3", "One writer inserts one user's rows at a fixed rate; every subscriber (a live query of that user with"
                    + " WHERE room = 'live', the same on both systems) gets every row. Latency = receipt − the row's stamp"
                    + " (System.nanoTime() just before the INSERT was sent, same process), for rows stamped in the measured"
                    + " window: an upper bound of commit-to-receipt. clients = WebSocket connections; ops = notifications."
                    + " expected = rows stamped in the window × subscribers; received = those that arrived (after up to"
                    + " 10 s of draining); lost = expected − received.",
            "W5", "Subscribers (one connection each) are dropped abruptly in turn and reconnect after the gap while one"
                    + " writer inserts; KalamDB subscribers resume with options.from = the last _seq they received. The"
                    + " PostgreSQL relay has no resume (as Supabase Realtime): a reconnected subscriber gets changes from"
                    + " then on. expected = every row written × subscribers; lost = rows a subscriber never received;"
                    + " duplicated = rows received more than once. Latency = receipt − stamp of each row's first receipt,"
                    + " replayed rows included.");

    private MarkdownReport() {
    }

    /**
     * @param run    the run
     * @param charts the chart files by workload ({@link Charts#write})
     * @return the report's Markdown text
     */
    public static String render(RunRecord run, List<String[]> charts) {
        StringBuilder md = new StringBuilder();
        MachineInfo m = run.machine();
        md.append("# Benchmark run ").append(run.startedAt()).append(" (").append(run.mode()).append(" mode)\n\n");
        md.append("- Machine: ").append(m.cpu()).append(", ").append(m.cores()).append(" cores, ")
                .append(String.format(Locale.ROOT, "%.1f GiB", m.memoryBytes() / (1024.0 * 1024 * 1024)))
                .append(", ").append(m.os()).append(", ").append(m.java()).append("; load average ")
                .append(m.loadAverage()).append(" at the start. Servers and load driver share the machine.\n");
        run.versions().forEach((system, version) -> md.append("- ").append(system).append(": ").append(version)
                .append('\n'));
        run.settings().forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("- Every figure states its durability mode, client connections, rows per statement (batch) and "
                + "pipelining (statements in flight per connection). Latencies are in milliseconds, percentiles "
                + "nearest-rank.\n");
        for (String note : run.notes()) {
            md.append("- Note: ").append(note).append('\n');
        }
        targets(md, run.results());
        for (String workload : run.results().stream().map(WorkloadResult::workload).distinct().toList()) {
            md.append("\n## ").append(TITLES.getOrDefault(workload, workload)).append("\n\n");
            if (HOW.containsKey(workload)) {
                md.append(HOW.get(workload)).append("\n\n");
            }
            table(md, run.results().stream().filter(r -> r.workload().equals(workload)).toList());
            for (String[] chart : charts) {
                if (chart[0].equals(workload)) {
                    md.append("\n![").append(chart[1]).append("](").append(chart[1]).append(")\n");
                }
            }
        }
        ratios(md, run.ratios());
        return md.toString();
    }

    private static void targets(StringBuilder md, List<WorkloadResult> results) {
        md.append("\n## Targets (KalamDB)\n\n| target | variant | durability | measured | met |\n|---|---|---|---|---|\n");
        for (Target t : Target.ALL) {
            if (results.stream().noneMatch(r -> r.system().equals("kalamdb") && t.appliesTo().test(r))) {
                md.append("| ").append(t.text()).append(" | — | — | not measured in this run | — |\n");
            }
            for (WorkloadResult r : results) {
                if (r.system().equals("kalamdb") && t.appliesTo().test(r)) {
                    md.append("| ").append(t.text()).append(" | ").append(r.variant()).append(" | ")
                            .append(r.durability()).append(" | ").append(num(t.metric().applyAsDouble(r))).append(' ')
                            .append(t.unit()).append(" | ").append(t.met(r) ? "yes" : "**no**").append(" |\n");
                }
            }
        }
    }

    private static void table(StringBuilder md, List<WorkloadResult> results) {
        md.append("| durability | variant | system | clients | batch | pipelining | ops/s | rows/s | p50 | p95 | p99 "
                + "| max | mean | stddev | ops |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (WorkloadResult r : results) {
            LatencyStats l = r.latency();
            md.append("| ").append(r.durability()).append(" | ").append(r.variant()).append(" | ").append(r.system())
                    .append(" | ").append(r.clients()).append(" | ").append(r.batchSize()).append(" | ")
                    .append(r.pipelining()).append(" | ").append(num(r.operationsPerSecond())).append(" | ")
                    .append(num(r.rowsPerSecond())).append(" | ").append(ms(l.p50())).append(" | ").append(ms(l.p95()))
                    .append(" | ").append(ms(l.p99())).append(" | ").append(ms(l.max())).append(" | ")
                    .append(ms(l.mean())).append(" | ").append(ms(l.stddev())).append(" | ").append(l.count())
                    .append(" |\n");
        }
        figures(md, results);
    }

    /** The workload-specific figures ({@link WorkloadResult#extra}), one column each, when the workload has some. */
    private static void figures(StringBuilder md, List<WorkloadResult> results) {
        List<String> names = results.stream().flatMap(r -> r.extra().keySet().stream()).distinct().toList();
        if (names.isEmpty()) {
            return;
        }
        md.append("\n| durability | variant | system | ").append(String.join(" | ", names)).append(" |\n|---|---|---|")
                .append("---|".repeat(names.size())).append('\n');
        for (WorkloadResult r : results) {
            md.append("| ").append(r.durability()).append(" | ").append(r.variant()).append(" | ").append(r.system());
            for (String name : names) {
                Object v = r.extra().get(name);
                md.append(" | ").append(v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d)
                        : v instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue())
                        : v == null ? "" : v.toString());
            }
            md.append(" |\n");
        }
    }

    private static void ratios(StringBuilder md, List<Ratio> ratios) {
        md.append("\n## KalamDB / PostgreSQL (same run)\n\n");
        if (ratios.isEmpty()) {
            md.append("No workload was measured on both systems.\n");
            return;
        }
        md.append("For rows/s and delivered % above 1 means KalamDB is ahead; for latency, below 1.\n\n");
        md.append("| workload | variant | durability | metric | KalamDB | PostgreSQL | ratio |\n|---|---|---|---|---|---|---|\n");
        for (Ratio r : ratios) {
            md.append("| ").append(r.workload()).append(" | ").append(r.variant()).append(" | ").append(r.durability())
                    .append(" | ").append(r.metric()).append(" | ").append(num(r.kalamdb())).append(" | ")
                    .append(num(r.postgresql())).append(" | ").append(String.format(Locale.ROOT, "%.2f", r.ratio()))
                    .append(" |\n");
        }
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
