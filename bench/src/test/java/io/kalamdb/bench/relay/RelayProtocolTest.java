package io.kalamdb.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay writes KalamDB's message shapes and value encoding, so one subscriber reads both systems. */
class RelayProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChangeRowIsProjectedWithBigintsAsStringsAndTheLsnAsSeq() throws Exception {
        Wal2JsonChange c = Wal2JsonChange.parse("{\"action\":\"I\",\"schema\":\"public\",\"table\":\"t\","
                + "\"columns\":[{\"name\":\"user_id\",\"type\":\"text\",\"value\":\"u\"},"
                + "{\"name\":\"id\",\"type\":\"bigint\",\"value\":7},{\"name\":\"body\",\"type\":\"text\",\"value\":\"hi\"},"
                + "{\"name\":\"n\",\"type\":\"integer\",\"value\":3}]}");

        JsonNode m = JSON.readTree(RelayProtocol.change("s1", "insert",
                RelayProtocol.rows(c.columns(), c.types(), List.of("id", "body", "n"), 0x16B3748L), null));

        assertEquals("change", m.path("type").asText());
        assertEquals("s1", m.path("subscription_id").asText());
        assertEquals("insert", m.path("change_type").asText());
        assertEquals(JSON.readTree("[{\"id\":\"7\",\"body\":\"hi\",\"n\":3,\"_seq\":\"23803720\"}]"), m.path("rows"));
        assertEquals(false, m.has("old_values"));
    }

    @Test
    void aSubscribeIsAnsweredWithAnAckAndOneEmptyReadyBatch() throws Exception {
        List<String> replies = RelayProtocol.subscribed("s\"1");

        JsonNode ack = JSON.readTree(replies.get(0));
        JsonNode batch = JSON.readTree(replies.get(1));
        assertEquals("subscription_ack", ack.path("type").asText());
        assertEquals("s\"1", ack.path("subscription_id").asText());
        assertEquals("initial_data_batch", batch.path("type").asText());
        assertEquals(0, batch.path("rows").size());
        assertEquals("ready", batch.path("batch_control").path("status").asText());
        assertEquals(false, batch.path("batch_control").path("has_more").asBoolean());
    }
}
