package io.kalamdb.bench.workload;

import java.time.Duration;

/**
 * A warm-up followed by a measured window, on the {@link System#nanoTime()} clock: operations started during the
 * warm-up are run but not recorded; the workload stops starting operations when the window closes.
 *
 * @param warmUp  how long to run before measuring
 * @param measure how long to measure
 */
public record Window(Duration warmUp, Duration measure) {
    /** @return the clock readings of this window, starting now */
    public Clock start() {
        long now = System.nanoTime();
        return new Clock(now + warmUp.toNanos(), now + warmUp.toNanos() + measure.toNanos());
    }

    /**
     * The window's readings on {@link System#nanoTime()}.
     *
     * @param measureFrom when measuring starts
     * @param end         when the window closes
     */
    public record Clock(long measureFrom, long end) {
        /** @return whether an operation started at {@code nanos} is measured */
        public boolean measured(long nanos) {
            return nanos >= measureFrom && nanos < end;
        }

        /** @return whether the window is still open at {@code nanos} */
        public boolean open(long nanos) {
            return nanos < end;
        }

        /** @return the measured length, seconds */
        public double seconds() {
            return (end - measureFrom) / 1e9;
        }
    }
}
