package io.kalamdb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fixture of the live-query benchmarks: a fresh user with a fresh USER table in namespace
 * {@value BenchTable#NAMESPACE}, the user's access token, and WebSocket connections to {@code /v1/ws}
 * authenticated with it ({@link WebSocketClients}). {@link #close} closes the connections and drops the table
 * (FORCE) and the user.
 */
final class LiveBenchSetup implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final KalamHttpTarget root;
    private final String user;
    private final String table;
    private final String token;
    private final WebSocketClients clients = new WebSocketClients();
    private final List<WebSocket> sockets = new ArrayList<>();

    /**
     * Creates the user and the table.
     *
     * @param url     the server, e.g. {@code http://127.0.0.1:8080}
     * @param name    a short name for the table and user, e.g. {@code live}
     * @param columns the table's column list, e.g. {@code id BIGINT PRIMARY KEY, stamp BIGINT}
     * @throws Exception if the server refuses a step
     */
    LiveBenchSetup(URI url, String name, String columns) throws Exception {
        this.url = url;
        String run = Long.toString(System.currentTimeMillis(), 36);
        this.user = "bench_" + name + "_" + run;
        this.table = BenchTable.NAMESPACE + "." + name + "_" + run;
        String password = UUID.randomUUID().toString();
        this.root = new KalamHttpTarget(HttpTransport.named("jdk", url), null);
        root.execute("CREATE NAMESPACE IF NOT EXISTS " + BenchTable.NAMESPACE, List.of());
        root.execute("CREATE USER '" + user + "' WITH PASSWORD '" + password + "'", List.of());
        root.execute("CREATE USER TABLE " + table + " (" + columns + ")", List.of());
        HttpTransport.Reply login = HttpTransport.named("jdk", url).exchange("/v1/api/auth/login",
                JSON.writeValueAsBytes(Map.of("user", user, "password", password)), null);
        this.token = JSON.readTree(login.body()).path("access_token").asText();
    }

    /** @return the table's qualified name */
    String table() {
        return table;
    }

    /** @return a writer acting as the bench user over the raw HTTP transport */
    KalamHttpTarget writer() {
        return new KalamHttpTarget(HttpTransport.named("raw", url), token);
    }

    /**
     * Opens one more connection, authenticated by the {@code Authorization} header.
     *
     * @param listener receives the connection's messages
     * @return the open WebSocket
     */
    WebSocket connect(WebSocket.Listener listener) {
        WebSocket ws = clients.connect(URI.create(url.toString().replaceFirst("^http", "ws") + "/v1/ws"),
                Map.of("Authorization", "Bearer " + token), listener);
        sockets.add(ws);
        return ws;
    }

    /**
     * @param id  the subscription id
     * @param sql the live query
     * @return the {@code subscribe} message
     */
    static String subscribe(String id, String sql) {
        return "{\"type\":\"subscribe\",\"subscription\":{\"id\":\"" + id + "\",\"sql\":\"" + sql + "\"}}";
    }

    /** Closes the connections, then drops the table and the user. */
    @Override
    public void close() throws Exception {
        for (WebSocket ws : sockets) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
        Thread.sleep(200);
        root.execute("DROP TABLE " + table + " FORCE", List.of());
        root.execute("DROP USER '" + user + "'", List.of());
    }

    /**
     * @return the value following {@code name} in {@code --name value} pairs, or {@code dflt}
     */
    static String option(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
