package io.kalamdb.bench.report;

import io.kalamdb.bench.workload.WorkloadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KalamDB's figure divided by PostgreSQL's for one workload variant measured in the same run and durability mode.
 * For throughput a ratio above 1 means KalamDB is ahead; for latency, below 1.
 *
 * @param workload   {@code W1} …
 * @param variant    the variant both systems ran
 * @param durability the durability mode both ran in
 * @param metric     {@code rows/s}, {@code p50 ms}, {@code p99 ms} …
 * @param kalamdb    KalamDB's figure
 * @param postgresql PostgreSQL's figure
 * @param ratio      {@code kalamdb / postgresql}
 */
public record Ratio(String workload, String variant, String durability, String metric, double kalamdb,
                    double postgresql, double ratio) {

    /**
     * Pairs each KalamDB result with PostgreSQL's result of the same workload, variant and durability: throughput
     * ratios for W1, the share of expected notifications delivered (once or more) for W5, p50 and p99 latency ratios
     * for the others.
     *
     * @param results every result of a run
     * @return the ratios, in result order
     */
    public static List<Ratio> of(List<WorkloadResult> results) {
        Map<String, WorkloadResult> peers = new LinkedHashMap<>();
        for (WorkloadResult r : results) {
            if (r.system().equals("postgresql")) {
                peers.put(key(r), r);
            }
        }
        List<Ratio> out = new ArrayList<>();
        for (WorkloadResult k : results) {
            WorkloadResult p = peers.get(key(k));
            if (!k.system().equals("kalamdb") || p == null) {
                continue;
            }
            if (k.workload().equals("W1")) {
                out.add(ratio(k, "rows/s", k.rowsPerSecond(), p.rowsPerSecond()));
            } else if (k.workload().equals("W5")) {
                out.add(ratio(k, "delivered %", delivered(k), delivered(p)));
            } else {
                out.add(ratio(k, "p50 ms", k.latency().p50() / 1e6, p.latency().p50() / 1e6));
                out.add(ratio(k, "p99 ms", k.latency().p99() / 1e6, p.latency().p99() / 1e6));
            }
        }
        return out;
    }

    private static double delivered(WorkloadResult r) {
        return 100.0 * Target.figure(r, "received") / Target.figure(r, "expected");
    }

    private static Ratio ratio(WorkloadResult r, String metric, double kalamdb, double postgresql) {
        return new Ratio(r.workload(), r.variant(), r.durability(), metric, kalamdb, postgresql,
                postgresql == 0 ? Double.NaN : kalamdb / postgresql);
    }

    private static String key(WorkloadResult r) {
        return r.workload() + "|" + r.variant() + "|" + r.durability();
    }
}
