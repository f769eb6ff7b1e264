package io.kalamdb.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints statement results: in the output format, or as expanded records ({@code \x}, one {@code column | value}
 * line per column, for wide rows), followed by {@code Time: N ms} while timing is on ({@code \timing}).
 */
final class ResultPrinter {
    private final PrintWriter out;
    private final OutputFormat format;
    private boolean expanded;
    private boolean timing;

    ResultPrinter(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    /** @return the new state of expanded display */
    boolean toggleExpanded() {
        return expanded = !expanded;
    }

    /** @return the new state of timing */
    boolean toggleTiming() {
        return timing = !timing;
    }

    /**
     * @param result       a statement's result
     * @param elapsedNanos from sending the statement to having its answer
     */
    void print(QueryResult result, long elapsedNanos) {
        out.print(expanded && result.hasRows() && format == OutputFormat.TABLE ? ExpandedRecords.render(result)
                : format.format(result));
        if (timing) {
            out.printf(Locale.ROOT, "Time: %.3f ms%n", elapsedNanos / 1e6);
        }
        out.flush();
    }
}
