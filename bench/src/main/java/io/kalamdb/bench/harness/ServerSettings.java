package io.kalamdb.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings the harness gives its servers, in one place so that the report states exactly what ran.
 */
final class ServerSettings {
    private ServerSettings() {
    }

    /**
     * @param durability {@code relaxed} or {@code strict}
     * @return KalamDB's environment: the durability mode, bcrypt cost 4 (only logins, which are not measured, pay
     *         it; a thousand users log in at set-up), room for the subscription workloads, and the per-user and
     *         per-address abuse limits off (a load driver is one address sending as few users, faster than the
     *         defaults allow one client)
     */
    static Map<String, String> kalamdb(String durability) {
        return Map.of("KALAMDB_DURABILITY", durability,
                "KALAMDB_AUTH_BCRYPT_COST", "4",
                "KALAMDB_LIVE_MAX_SUBSCRIPTIONS_PER_USER", "20000",
                "KALAMDB_SQL_REQUESTS_PER_SECOND_PER_USER", "0",
                "KALAMDB_AUTH_ATTEMPTS_PER_SECOND_PER_IP", "0",
                "KALAMDB_WS_MAX_CONNECTIONS_PER_IP", "0",
                "KALAMDB_WS_MESSAGES_PER_SECOND_PER_CONNECTION", "0");
    }

    /** @return the settings as the report states them */
    static Map<String, String> describe(RunPlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("KalamDB settings", "Liberty server from ear/ (-Xmx512m), durability strict = fsync per commit, relaxed"
                + " = no fsync per commit; bcrypt cost 4; per-user subscription limit 20,000; rate limits per user and per"
                + " address off; each durability mode on a fresh data directory");
        out.put("PostgreSQL settings", "initdb in a temp dir; shared_buffers 256MB, fsync on, wal_level logical;"
                + " synchronous_commit on for strict, off for relaxed; row-level security on user_id, the acting user set"
                + " per request with set_config(…, true) in the statement's round trip");
        out.put("Clients", "one connection per client thread, one statement in flight (pipelining 1); KalamDB over"
                + " HTTP/1.1 keep-alive (minimal socket client) with each user's bearer token, PostgreSQL over JDBC"
                + " (pgjdbc)");
        out.put("Windows", plan.systemWarmUp().toSeconds() + " s of warm-up inserts per system, then per workload phase "
                + plan.window().warmUp().toSeconds() + " s warm-up, then " + plan.window().measure().toSeconds()
                + " s measured");
        return out;
    }
}
