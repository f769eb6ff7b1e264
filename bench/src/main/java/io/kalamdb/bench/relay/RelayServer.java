package io.kalamdb.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The relay's WebSocket side (RFC 6455, Java-WebSocket): subscribers connect to {@code ws://host:port/?user=<id>}
 * — the user id in the query string is the whole authentication, enough for a benchmark on loopback — and send
 * KalamDB's {@code subscribe}/{@code unsubscribe}/{@code ping} messages; {@link #publish} pushes each decoded change
 * to every subscription whose {@link LiveFilter} matches, as Supabase Realtime does with {@code postgres_changes}.
 * As there, a subscription starts at the next change: there is no initial data and {@code options.from} is ignored
 * (no resume), so changes committed while a subscriber is away never reach it.
 *
 * <p>What is delivered: an INSERT whose row matches; an UPDATE whose new row matches (as {@code update}, with the
 * old replica identity in {@code old_values}); a DELETE whose replica identity matches — with the default replica
 * identity (the primary key) a WHERE on another column cannot be judged, so such deletes are not delivered.
 */
final class RelayServer extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One subscription of one connection; {@code quotedId} is {@code id} as a JSON string, for every change. */
    private record Subscription(WebSocket connection, String id, String quotedId, String user, LiveFilter filter) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    /** A server on a free loopback port; {@link #startAndWait} starts it. */
    RelayServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setTcpNoDelay(true);
    }

    /**
     * Starts the server and waits until it listens.
     *
     * @throws IOException if it cannot listen
     */
    void startAndWait() throws IOException, InterruptedException {
        start();
        started.await();
        if (startFailure != null) {
            throw new IOException("The relay cannot listen: " + startFailure.getMessage(), startFailure);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String user = queryParameter(handshake.getResourceDescriptor(), "user");
        if (user == null || user.isEmpty()) {
            conn.send(RelayProtocol.error(null, "AUTH_REQUIRED", "connect to /?user=<user id>"));
            conn.close();
            return;
        }
        conn.setAttachment(user);
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            conn.send(RelayProtocol.error(null, "PROTOCOL", "malformed JSON"));
            return;
        }
        switch (m.path("type").asText()) {
            case "subscribe" -> subscribe(conn, m.path("subscription"));
            case "unsubscribe" -> subscriptions.removeIf(s -> s.connection() == conn
                    && s.id().equals(m.path("subscription_id").asText()));
            case "ping" -> conn.send(RelayProtocol.pong());
            default -> conn.send(RelayProtocol.error(null, "PROTOCOL", "unknown message type"));
        }
    }

    private void subscribe(WebSocket conn, JsonNode subscription) {
        String id = subscription.path("id").asText();
        if (id.isEmpty() || subscriptions.stream().anyMatch(s -> s.connection() == conn && s.id().equals(id))) {
            conn.send(RelayProtocol.error(id, "INVALID_SUBSCRIPTION_ID", "empty or duplicate subscription id"));
            return;
        }
        LiveFilter filter;
        try {
            filter = LiveFilter.parse(subscription.path("sql").asText());
        } catch (IllegalArgumentException e) {
            conn.send(RelayProtocol.error(id, "UNSUPPORTED", e.getMessage()));
            return;
        }
        subscriptions.add(new Subscription(conn, id, RelayProtocol.quoted(id), conn.getAttachment(), filter));
        RelayProtocol.subscribed(id).forEach(conn::send);
    }

    /**
     * Sends a change to every subscription it matches. Called by the one thread reading the replication stream, so
     * changes reach each subscriber in commit order; sends are queued per connection and written by the server's
     * selector thread.
     *
     * @param change the decoded change
     * @param lsn    its WAL position
     */
    void publish(Wal2JsonChange change, long lsn) {
        Map<List<String>, String> newRows = new HashMap<>();
        Map<List<String>, String> oldRows = new HashMap<>();
        for (Subscription s : subscriptions) {
            if (!s.filter().table().equals(change.table())) {
                continue;
            }
            String message = switch (change.action()) {
                case 'I' -> s.filter().matches(s.user(), change.columns())
                        ? RelayProtocol.changeOfQuoted(s.quotedId(), "insert",
                                encoded(newRows, change.columns(), change, s, lsn), null)
                        : null;
                case 'U' -> s.filter().matches(s.user(), change.columns())
                        ? RelayProtocol.changeOfQuoted(s.quotedId(), "update",
                                encoded(newRows, change.columns(), change, s, lsn),
                                change.identity().isEmpty() ? null
                                        : encoded(oldRows, change.identity(), change, s, lsn))
                        : null;
                default -> s.filter().matches(s.user(), change.identity())
                        ? RelayProtocol.changeOfQuoted(s.quotedId(), "delete", null,
                                encoded(oldRows, change.identity(), change, s, lsn))
                        : null;
            };
            if (message != null) {
                try {
                    s.connection().send(message);
                } catch (WebsocketNotConnectedException e) {
                    subscriptions.remove(s);
                }
            }
        }
    }

    /** Encodes the row once per distinct projection of this change. */
    private static String encoded(Map<List<String>, String> cache, Map<String, JsonNode> values, Wal2JsonChange change,
                                  Subscription s, long lsn) {
        return cache.computeIfAbsent(s.filter().columns(), columns -> RelayProtocol.rows(values, change.types(), columns,
                lsn));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        subscriptions.removeIf(s -> s.connection() == conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        }
    }

    private static String queryParameter(String resource, String name) {
        int q = resource.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : resource.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
