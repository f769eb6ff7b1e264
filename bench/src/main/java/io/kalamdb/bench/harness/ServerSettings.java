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
     *         it; a thousand users log in at set-up), room for the subscription workloads, and the abuse limits off
     *         (0; docs/operations.md): per-user SQL requests per second, logins per second per address, WebSockets
     *         per address and messages per second per WebSocket — one load driver on one address is not an abuser
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

    /** @return the settings as the report states them, for a run of {@code plan} with KalamDB's {@code httpClient} */
    static Map<String, String> describe(RunPlan plan, String httpClient) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("KalamDB settings", "Liberty server from ear/ (-Xmx512m), durability strict = fsync per commit, relaxed"
                + " = no fsync per commit; bcrypt cost 4; per-user subscription limit 20,000; abuse limits off (per-user"
                + " SQL requests/s, logins/s per address, WebSockets per address, messages/s per WebSocket: 0); each"
                + " durability mode on a fresh data directory");
        out.put("PostgreSQL settings", "initdb in a temp dir; shared_buffers 256MB, fsync on, wal_level logical;"
                + " wal_writer_delay 10 ms (logical decoding reads only flushed WAL; the 200 ms default would delay the relay"
                + " under synchronous_commit off); synchronous_commit on for strict, off for relaxed; row-level security on"
                + " user_id, the acting user set per request with set_config(…, true) in the statement's round trip");
        out.put("PostgreSQL realtime relay (W3, W5)", "the shape of Supabase Realtime, in the harness process (same"
                + " machine): a temporary logical slot decoded by wal2json (format-version 2, one JSON message per"
                + " change) read over pgjdbc's replication API, pushed to WebSocket subscribers (Java-WebSocket) whose"
                + " filter matches (user_id = the subscriber's user, and the WHERE's equalities); it speaks KalamDB's"
                + " subscribe/change messages, so one subscriber client measures both. Started after W1/W2. No initial data"
                + " and no resume: options.from is ignored, as Supabase Realtime has none, so changes committed while a"
                + " subscriber is away are lost to it");
        out.put("Clients", "one connection per client thread, one statement in flight (pipelining 1); KalamDB over"
                + " HTTP/1.1 keep-alive (" + (httpClient.equals("jdk") ? "the JDK HttpClient"
                : "a minimal socket client; --http-client jdk for the JDK HttpClient") + ") with each user's bearer"
                + " token, PostgreSQL over JDBC"
                + " (pgjdbc). W3/W5: one writer inserting one user's rows at a fixed rate (single-row INSERTs), the"
                + " user's subscribers on JDK WebSockets in the same process; clients = WebSocket connections");
        out.put("Windows", plan.systemWarmUp().toSeconds() + " s of warm-up inserts per system, then per workload phase "
                + plan.window().warmUp().toSeconds() + " s warm-up, then " + plan.window().measure().toSeconds()
                + " s measured");
        return out;
    }
}
