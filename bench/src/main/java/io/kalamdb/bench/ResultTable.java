package io.kalamdb.bench;

import java.util.List;
import java.util.Locale;

/** Renders measurements as a fixed-width text table: counts, seconds, rates, and latencies in milliseconds. */
public final class ResultTable {
    private static final String ROW = "%-20s %8s %9s %9s %10s %11s %9s %9s %9s%n";
    private static final double NANOS_PER_MILLI = 1e6;

    private ResultTable() {
    }

    /**
     * @param title        the first line, e.g. what was measured against which server
     * @param measurements one row each
     * @return the table, lines ending in the platform's line separator
     */
    public static String render(String title, List<Measurement> measurements) {
        StringBuilder out = new StringBuilder(title).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, ROW, "workload", "stmts", "rows", "seconds", "stmts/s", "rows/s",
                "p50 ms", "p95 ms", "p99 ms"));
        for (Measurement m : measurements) {
            out.append(String.format(Locale.ROOT, ROW, m.workload(), m.operations(), m.rows(),
                    String.format(Locale.ROOT, "%.2f", m.seconds()),
                    String.format(Locale.ROOT, "%.1f", m.operationsPerSecond()),
                    String.format(Locale.ROOT, "%.0f", m.rowsPerSecond()),
                    millis(m.p50Nanos()), millis(m.p95Nanos()), millis(m.p99Nanos())));
        }
        return out.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / NANOS_PER_MILLI);
    }
}
