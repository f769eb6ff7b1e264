package io.kalamdb.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.WebSocketClients;
import io.kalamdb.bench.WholeMessages;
import io.kalamdb.bench.sut.LiveEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subscriber WebSocket (the JDK client) carrying {@link LiveSubscription}s, speaking KalamDB's protocol
 * (docs/websocket-protocol.md) — which the PostgreSQL relay speaks too, so this one client measures both systems:
 * it subscribes, reads {@code initial_data_batch} rows (asking for the {@code next_batch} while there are more) and
 * the rows of {@code insert}/{@code update} changes, and hands them to their subscription with the arrival time.
 */
final class LiveConnection implements WholeMessages.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LiveSubscription> subscriptions = new LinkedHashMap<>();
    private volatile WebSocket socket;
    private volatile boolean dropped;

    private LiveConnection(List<LiveSubscription> subscriptions) {
        subscriptions.forEach(s -> this.subscriptions.put(s.id(), s));
    }

    /**
     * Connects and sends one {@code subscribe} per subscription (a resume where the subscription has received rows).
     *
     * @return the connection; {@link LiveSubscription#awaitReady} tells when each subscription is live
     */
    static LiveConnection open(WebSocketClients clients, LiveEndpoint endpoint, List<LiveSubscription> subscriptions) {
        LiveConnection c = new LiveConnection(subscriptions);
        c.socket = clients.connect(endpoint.uri(), endpoint.headers(), new WholeMessages(c));
        for (LiveSubscription s : subscriptions) {
            c.socket.sendText(s.subscribeMessage(), true).join();
        }
        return c;
    }

    @Override
    public void onMessage(long receivedNanos, String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON from the server: " + text, e);
        }
        LiveSubscription s = subscriptions.get(m.path("subscription_id").asText());
        switch (m.path("type").asText()) {
            case "initial_data_batch" -> {
                m.path("rows").forEach(row -> s.onRow(receivedNanos, row));
                JsonNode control = m.path("batch_control");
                if (control.path("has_more").asBoolean()) {
                    socket.sendText("{\"type\":\"next_batch\",\"subscription_id\":" + JSON.getNodeFactory()
                            .textNode(s.id()) + ",\"last_seq_id\":" + control.path("last_seq_id") + "}", true);
                } else {
                    s.onReady();
                }
            }
            case "change" -> m.path("rows").forEach(row -> s.onRow(receivedNanos, row));
            case "error" -> {
                String error = m.path("code").asText() + ": " + m.path("message").asText();
                if (s != null) {
                    s.onError(error);
                } else {
                    subscriptions.values().forEach(x -> x.onError(error));
                }
            }
            default -> {
            }
        }
    }

    /** @return the connection's subscriptions */
    List<LiveSubscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** Drops the connection abruptly (no close handshake), as a lost network does. */
    void drop() {
        dropped = true;
        socket.abort();
    }

    /** Closes the connection with a close handshake (1000), unless it was dropped. */
    void close() {
        if (!dropped) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
