package io.kalamdb.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.WebSocketClients;
import io.kalamdb.bench.WholeMessages;
import io.kalamdb.bench.sut.LiveEndpoint;
import io.kalamdb.bench.sut.MessageRow;
import io.kalamdb.bench.sut.PostgresCluster;
import io.kalamdb.bench.sut.PostgresSystem;
import io.kalamdb.bench.sut.RowClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay end to end against a real throwaway PostgreSQL 15 cluster with wal2json: an INSERT of the subscriber's
 * own row in the subscribed room reaches its WebSocket as a KalamDB {@code change}; rows of another user or another
 * room do not.
 */
class Wal2JsonRelayTest {
    private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSubscriberGetsItsOwnMatchingInsertAndNothingElse(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PG_BIN.resolve("initdb")), "PostgreSQL 15 is not installed");
        try (PostgresCluster cluster = PostgresCluster.start(PG_BIN, dir, false)) {
            assumeTrue(cluster.hasWal2Json(), "wal2json is not installed");
            try (PostgresSystem pg = new PostgresSystem(cluster)) {
                pg.createTable("relay_t");
                LiveEndpoint endpoint = pg.live("bench_u0");
                BlockingQueue<String> messages = new LinkedBlockingQueue<>();
                WebSocket ws = new WebSocketClients().connect(endpoint.uri(), endpoint.headers(),
                        new WholeMessages((received, text) -> messages.add(text)));
                ws.sendText("{\"type\":\"subscribe\",\"subscription\":{\"id\":\"s1\","
                        + "\"sql\":\"SELECT id, room, body, stamp FROM relay_t WHERE room = 'live'\"}}", true).join();
                assertEquals("subscription_ack", type(messages.poll(10, TimeUnit.SECONDS)));
                assertEquals("initial_data_batch", type(messages.poll(10, TimeUnit.SECONDS)));

                try (RowClient db = pg.connect()) {
                    db.insert("relay_t", "bench_u1", List.of(new MessageRow(1, "live", "another user's row", 11)));
                    db.insert("relay_t", "bench_u0", List.of(new MessageRow(2, "other", "another room", 22)));
                    db.insert("relay_t", "bench_u0", List.of(new MessageRow(3, "live", "mine", 1234567890123L)));
                    db.insert("relay_t", "bench_u1", List.of(new MessageRow(4, "live", "another user's row", 44)));
                }
                String change = messages.poll(30, TimeUnit.SECONDS);
                assertNotNull(change, "no change reached the subscriber");
                JsonNode m = JSON.readTree(change);
                assertEquals("change", m.path("type").asText());
                assertEquals("s1", m.path("subscription_id").asText());
                assertEquals("insert", m.path("change_type").asText());
                JsonNode row = m.path("rows").path(0);
                assertEquals("3", row.path("id").asText());
                assertEquals("live", row.path("room").asText());
                assertEquals("mine", row.path("body").asText());
                assertEquals("1234567890123", row.path("stamp").asText());
                assertTrue(Long.parseLong(row.path("_seq").asText()) > 0, row.toString());
                assertEquals(false, row.has("user_id"));

                List<String> rest = new ArrayList<>();
                Thread.sleep(1000);
                messages.drainTo(rest);
                assertEquals(List.of(), rest);
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            }
        }
    }

    private static String type(String message) throws Exception {
        assertNotNull(message, "no message from the relay");
        return JSON.readTree(message).path("type").asText();
    }
}
