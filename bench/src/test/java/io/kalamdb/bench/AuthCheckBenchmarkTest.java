package io.kalamdb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.model.Role;
import org.junit.jupiter.api.Test;

/** Runs each benchmark operation once outside JMH, so the harness cannot rot: the set-up works and each
 * operation authorizes what it should. (Timings are reported by JMH, never asserted.) */
class AuthCheckBenchmarkTest {
    @Test
    void eachOperationAuthenticatesTheBenchUserAndAuthorizesTheTables() throws Exception {
        AuthCheckBenchmark bench = new AuthCheckBenchmark();
        bench.open();
        try {
            assertEquals("bench_alice", bench.accessToken().id().value());
            assertEquals(Role.USER, bench.accessToken().role());
            assertEquals("bench_alice", bench.firstUseOfAToken().id().value());
            assertEquals("bench.config", bench.statement().id().toString());
        } finally {
            bench.close();
        }
    }
}
