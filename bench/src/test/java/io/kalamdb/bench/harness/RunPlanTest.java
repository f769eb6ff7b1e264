package io.kalamdb.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plans measure what the benchmark issue asks for, and quick mode stays near 30 s of measuring. */
class RunPlanTest {
    @Test
    void theFullW3GridSkipsOnlyAThousandSubscribersAtAThousandChangesPerSecond() {
        List<RunPlan.LiveVariant> grid = RunPlan.FULL.w3();

        assertEquals(8, grid.size());
        assertTrue(grid.contains(new RunPlan.LiveVariant(1, 1, 1000)));
        assertTrue(grid.contains(new RunPlan.LiveVariant(100, 100, 1000)));
        assertTrue(grid.contains(new RunPlan.LiveVariant(1000, 100, 100)));
        assertTrue(grid.stream().noneMatch(v -> v.subscribers() == 1000 && v.changesPerSecond() == 1000));
    }

    @Test
    void quickModeMeasuresAboutThirtySecondsOnBothSystems() {
        RunPlan q = RunPlan.QUICK;
        double perPhase = q.window().measure().toSeconds();
        // per system: every W1 variant, W2 hot, every W3 variant, W5; plus KalamDB's W2 cold
        double total = 2 * (perPhase * (q.w1().size() + 1 + q.w3().size()) + q.w5().writing().toSeconds()) + perPhase;

        assertEquals(List.of("relaxed"), q.durabilities());
        assertEquals(28, total, 0.001);
    }
}
