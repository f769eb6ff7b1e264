package io.kalamdb.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on a real terminal: {@code [#####.....] 42% 12,345 rows
 * 4,321/s}; on a dumb terminal (a pipe, a test) only the final line is printed.
 */
final class Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000;

    private final PrintWriter out;
    private final boolean live;
    private final long start = System.nanoTime();
    private long lastDraw;

    /**
     * @param out  where to draw
     * @param live whether the terminal can redraw a line (not a dumb terminal)
     */
    Progress(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /**
     * @param fraction done, 0.0 to 1.0
     * @param label    what is counted, e.g. {@code 12,345 rows}
     * @param count    for the rate: how many of what the label counts are done
     */
    void update(double fraction, String label, long count) {
        long now = System.nanoTime();
        if (live && now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            out.print("\r" + line(fraction, label, count) + "\033[K");
            out.flush();
        }
    }

    /** Ends the bar with a final line. */
    void finish(String summary) {
        out.print(live ? "\r\033[K" : "");
        out.println(summary);
        out.flush();
    }

    /** @return seconds since the bar started */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private String line(double fraction, String label, long count) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %s %,.0f/s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                fraction * 100, label, count / Math.max(seconds(), 1e-9));
    }
}
