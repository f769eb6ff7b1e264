package io.kalamdb.bench.sut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.HttpTransport;
import io.kalamdb.bench.KalamHttpTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KalamDB as a {@link SystemUnderTest}: tables are USER tables in namespace {@value #NAMESPACE} (each user's rows
 * in their own partition), kept in the hot tier unless {@link #flush} is asked ({@code FLUSH_POLICY} of a billion
 * rows or a day), and users are KalamDB users acting with their own access tokens. Set-up runs as root (the
 * server is local and root has no password).
 */
public final class KalamSystem implements SystemUnderTest {
    /** The namespace of the run's tables. */
    public static final String NAMESPACE = "bench_h";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-harness-pw";

    private final URI url;
    private final String client;
    private final KalamHttpTarget root;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> users = new ArrayList<>();

    /**
     * @param url    the server, e.g. {@code http://127.0.0.1:8080}
     * @param client the HTTP client of the workloads' connections: {@code raw} (a minimal HTTP/1.1 socket client, the
     *               server's own cost) or {@code jdk} (the JDK {@code HttpClient}, whose own cost per request shows in
     *               QuickLoad's figures in bench/README.md)
     * @throws IllegalArgumentException for another client name
     */
    public KalamSystem(URI url, String client) {
        this.url = url;
        this.client = HttpTransport.checkName(client);
        this.root = new KalamHttpTarget(HttpTransport.named("jdk", url), null);
        root.execute("CREATE NAMESPACE IF NOT EXISTS " + NAMESPACE, List.of());
    }

    @Override
    public String name() {
        return "kalamdb";
    }

    @Override
    public String version() {
        return "KalamDB " + root.version();
    }

    @Override
    public void createTable(String table) {
        root.execute("CREATE USER TABLE " + NAMESPACE + "." + table
                + " (id BIGINT PRIMARY KEY, room TEXT, body TEXT, stamp BIGINT)"
                + " WITH (FLUSH_POLICY = 'rows:1000000000,interval:86400')", List.of());
    }

    @Override
    public synchronized List<String> users(int count) {
        StringBuilder create = new StringBuilder();
        for (int i = users.size(); i < count; i++) {
            create.append(create.length() == 0 ? "" : "; ").append("CREATE USER IF NOT EXISTS 'bench_u").append(i)
                    .append("' WITH PASSWORD '").append(PASSWORD).append("'");
        }
        if (create.length() > 0) {
            root.execute(create.toString(), List.of());
        }
        try (HttpTransport login = HttpTransport.named("raw", url)) {
            while (users.size() < count) {
                String user = "bench_u" + users.size();
                tokens.put(user, token(login, user));
                users.add(user);
            }
        }
        return List.copyOf(users.subList(0, count));
    }

    private static String token(HttpTransport http, String user) {
        try {
            HttpTransport.Reply reply = http.exchange("/v1/api/auth/login",
                    JSON.writeValueAsBytes(Map.of("user", user, "password", PASSWORD)), null);
            if (reply.status() != 200) {
                throw new IllegalStateException("Login of " + user + " → " + reply.status() + ": " + reply.body());
            }
            return JSON.readTree(reply.body()).path("access_token").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Login of " + user + " answered no JSON", e);
        }
    }

    @Override
    public String sqlName(String table) {
        return NAMESPACE + "." + table;
    }

    /** @return {@code /v1/ws} with the user's bearer token on the upgrade */
    @Override
    public LiveEndpoint live(String user) {
        return new LiveEndpoint(URI.create(url.toString().replaceFirst("^http", "ws") + "/v1/ws"),
                Map.of("Authorization", "Bearer " + tokens.get(user)));
    }

    @Override
    public RowClient connect() {
        return new KalamRowClient(HttpTransport.named(client, url), tokens);
    }

    /** Runs {@code FLUSH TABLE} as root and polls {@code system.jobs} until the job completes. */
    @Override
    public boolean flush(String table) {
        String job = root.execute("FLUSH TABLE " + NAMESPACE + "." + table, List.of()).path("rows").path(0).path(0)
                .asText();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = root.execute("SELECT status, message FROM system.jobs WHERE job_id = $1", List.of(job))
                    .path("rows").path(0);
            switch (status.path(0).asText()) {
                case "completed" -> {
                    return true;
                }
                case "failed", "cancelled", "skipped" -> throw new IllegalStateException("Flush job " + job + " ended "
                        + status);
                default -> sleep();
            }
        }
        throw new IllegalStateException("Flush job " + job + " did not complete within 10 minutes");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        root.execute("DROP NAMESPACE IF EXISTS " + NAMESPACE + " CASCADE", List.of());
    }
}
