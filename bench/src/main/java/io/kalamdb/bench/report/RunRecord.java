package io.kalamdb.bench.report;

import io.kalamdb.bench.workload.WorkloadResult;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured, as written to {@code bench/results/<timestamp>.json}.
 *
 * @param startedAt  when the run started, RFC 3339 UTC
 * @param mode       {@code quick} or {@code full}
 * @param machine    where it ran
 * @param versions   each system's version, by system name
 * @param settings   the servers' non-default settings, stated with the figures
 * @param notes      what the run could not do or did differently (e.g. wal2json missing)
 * @param results    every measured window
 * @param ratios     KalamDB/PostgreSQL ratios of the results measured on both
 */
public record RunRecord(String startedAt, String mode, MachineInfo machine, Map<String, String> versions,
                        Map<String, String> settings, List<String> notes, List<WorkloadResult> results,
                        List<Ratio> ratios) {
}
