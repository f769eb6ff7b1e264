package io.kalamdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    @Test
    void percentilesAreNearestRankOverAllSamplesInAnyOrder() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long v = 2000; v >= 1; v--) {
            recorder.record(v * 10);
        }

        assertEquals(2000, recorder.count());
        assertEquals(10_000, recorder.percentile(50));
        assertEquals(19_000, recorder.percentile(95));
        assertEquals(19_800, recorder.percentile(99));
        assertEquals(20_000, recorder.percentile(100));
        assertEquals(10, recorder.percentile(0.01));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(7);

        assertEquals(7, recorder.percentile(50));
        assertEquals(7, recorder.percentile(99));
    }

    @Test
    void noSamplesOrAPercentOutOfRangeIsRefused() {
        LatencyRecorder recorder = new LatencyRecorder();
        assertThrows(IllegalStateException.class, () -> recorder.percentile(50));
        recorder.record(1);
        assertThrows(IllegalArgumentException.class, () -> recorder.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> recorder.percentile(100.5));
    }

    @Test
    void statsGiveMaxMeanAndStandardDeviationOverMergedRecorders() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        a.record(2);
        a.record(4);
        b.record(4);
        b.record(4);
        b.record(5);
        b.record(5);
        b.record(7);
        b.record(9);
        a.addAll(b);

        LatencyStats stats = a.stats();
        assertEquals(8, stats.count());
        assertEquals(9, stats.max());
        assertEquals(5.0, stats.mean(), 1e-9);
        assertEquals(2.0, stats.stddev(), 1e-9);
        assertEquals(4, stats.p50());
        assertEquals(9, stats.p99());
    }
}
