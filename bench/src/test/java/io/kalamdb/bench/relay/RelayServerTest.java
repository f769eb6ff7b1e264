package io.kalamdb.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.Test;

/**
 * The relay's routing without PostgreSQL or a socket: changes handed to {@link RelayServer#publish} reach the
 * subscriptions they match as KalamDB {@code change} messages — UPDATEs whose new row matches as {@code update} with
 * the old replica identity, DELETEs only when the replica identity holds the filtered columns — and {@code ping} and
 * {@code unsubscribe} are answered. The server is never started; its connection is a stand-in that keeps what it is
 * sent.
 */
class RelayServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL = "SELECT id, body FROM t";
    private static final String LIVE = "SELECT id, body FROM t WHERE room = 'live'";

    @Test
    void anUpdateAndADeleteReachTheSubscriptionsTheyMatch() throws Exception {
        RelayServer relay = new RelayServer();
        Connection c = subscribedToAllAndLive(relay);

        relay.publish(change("U", row("u0", 7, "live", "edited"), key("u0", 7)), 100);
        relay.publish(change("U", row("u1", 8, "live", "another user's"), key("u1", 8)), 101);
        // The replica identity (the key) has no room: the DELETE reaches "all" but cannot be judged for "live".
        relay.publish(change("D", "[]", key("u0", 7)), 102);

        String updated = "\"change_type\":\"update\",\"rows\":[{\"id\":\"7\",\"body\":\"edited\",\"_seq\":\"100\"}],"
                + "\"old_values\":[{\"id\":\"7\",\"_seq\":\"100\"}]}";
        assertMessages(c, "{\"type\":\"change\",\"subscription_id\":\"all\"," + updated,
                "{\"type\":\"change\",\"subscription_id\":\"live\"," + updated,
                "{\"type\":\"change\",\"subscription_id\":\"all\",\"change_type\":\"delete\","
                        + "\"old_values\":[{\"id\":\"7\",\"_seq\":\"102\"}]}");
    }

    @Test
    void aPingIsAnsweredAndAnUnsubscribedSubscriptionGetsNoMoreChanges() throws Exception {
        RelayServer relay = new RelayServer();
        Connection c = subscribedToAllAndLive(relay);

        relay.onMessage(c.socket, "{\"type\":\"ping\"}");
        relay.onMessage(c.socket, "{\"type\":\"unsubscribe\",\"subscription_id\":\"all\"}");
        relay.publish(change("I", row("u0", 9, "live", "new"), "[]"), 200);

        assertMessages(c, "{\"type\":\"pong\"}", "{\"type\":\"change\",\"subscription_id\":\"live\","
                + "\"change_type\":\"insert\",\"rows\":[{\"id\":\"9\",\"body\":\"new\",\"_seq\":\"200\"}]}");
    }

    /** @return user {@code u0}'s connection, with subscriptions {@code all} and {@code live} acknowledged */
    private static Connection subscribedToAllAndLive(RelayServer relay) {
        Connection c = Connection.open(relay, "u0");
        relay.onMessage(c.socket, subscribe("all", ALL));
        relay.onMessage(c.socket, subscribe("live", LIVE));
        assertEquals(List.of("subscription_ack", "initial_data_batch", "subscription_ack", "initial_data_batch"),
                c.sent.stream().map(RelayServerTest::type).toList());
        c.sent.clear();
        return c;
    }

    private static void assertMessages(Connection c, String... expected) throws Exception {
        List<JsonNode> want = new ArrayList<>();
        for (String e : expected) {
            want.add(JSON.readTree(e));
        }
        List<JsonNode> got = new ArrayList<>();
        for (String m : c.sent) {
            got.add(JSON.readTree(m));
        }
        assertEquals(want, got);
    }

    private static String subscribe(String id, String sql) {
        return JSON.createObjectNode().put("type", "subscribe").set("subscription",
                JSON.createObjectNode().put("id", id).put("sql", sql)).toString();
    }

    /** A wal2json format-version 2 change of table {@code public.t}. */
    private static Wal2JsonChange change(String action, String columns, String identity) {
        return Wal2JsonChange.parse("{\"action\":\"" + action + "\",\"schema\":\"public\",\"table\":\"t\",\"columns\":"
                + columns + ",\"identity\":" + identity + "}");
    }

    private static String row(String user, long id, String room, String body) {
        return "[" + column("user_id", "text", "\"" + user + "\"") + "," + column("id", "bigint", Long.toString(id))
                + "," + column("room", "text", "\"" + room + "\"") + "," + column("body", "text", "\"" + body + "\"")
                + "]";
    }

    /** The default replica identity of the bench tables: the primary key (user_id, id). */
    private static String key(String user, long id) {
        return "[" + column("user_id", "text", "\"" + user + "\"") + "," + column("id", "bigint", Long.toString(id))
                + "]";
    }

    private static String column(String name, String type, String value) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"value\":" + value + "}";
    }

    private static String type(String message) {
        try {
            return JSON.readTree(message).path("type").asText();
        } catch (Exception e) {
            throw new AssertionError(message, e);
        }
    }

    /** A subscriber's connection: keeps what the relay sends and the attachment it sets. */
    private static final class Connection {
        final List<String> sent = new ArrayList<>();
        Object attachment;
        final WebSocket socket = (WebSocket) Proxy.newProxyInstance(WebSocket.class.getClassLoader(),
                new Class<?>[] {WebSocket.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "send" -> {
                        sent.add((String) args[0]);
                        yield null;
                    }
                    case "setAttachment" -> {
                        attachment = args[0];
                        yield null;
                    }
                    case "getAttachment" -> attachment;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test connection";
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        /** Opens the connection as {@code ws://…/?user=<user>}. */
        static Connection open(RelayServer relay, String user) {
            Connection c = new Connection();
            relay.onOpen(c.socket, (ClientHandshake) Proxy.newProxyInstance(ClientHandshake.class.getClassLoader(),
                    new Class<?>[] {ClientHandshake.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getResourceDescriptor")) {
                            return "/?user=" + user;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    }));
            return c;
        }
    }
}
