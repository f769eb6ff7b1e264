package io.kalamdb.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** wal2json format-version 2 messages, as PostgreSQL 15 with wal2json 2.5 writes them, become row changes. */
class Wal2JsonChangeTest {
    @Test
    void anInsertCarriesItsTableValuesAndTypes() {
        Wal2JsonChange c = Wal2JsonChange.parse("{\"action\":\"I\",\"schema\":\"public\",\"table\":\"w3_0\","
                + "\"columns\":[{\"name\":\"user_id\",\"type\":\"text\",\"value\":\"bench_u0\"},"
                + "{\"name\":\"id\",\"type\":\"bigint\",\"value\":7},{\"name\":\"room\",\"type\":\"text\",\"value\":\"live\"},"
                + "{\"name\":\"stamp\",\"type\":\"bigint\",\"value\":123456789012}]}");

        assertEquals('I', c.action());
        assertEquals("public.w3_0", c.table());
        assertEquals(List.of("user_id", "id", "room", "stamp"), List.copyOf(c.columns().keySet()));
        assertEquals(7, c.columns().get("id").asLong());
        assertEquals(123456789012L, c.columns().get("stamp").asLong());
        assertEquals("bigint", c.types().get("id"));
        assertEquals("text", c.types().get("room"));
        assertTrue(c.identity().isEmpty());
    }

    @Test
    void anUpdateCarriesTheNewRowAndTheOldIdentity() {
        Wal2JsonChange c = Wal2JsonChange.parse("{\"action\":\"U\",\"schema\":\"public\",\"table\":\"t\","
                + "\"columns\":[{\"name\":\"user_id\",\"type\":\"text\",\"value\":\"a\"},"
                + "{\"name\":\"id\",\"type\":\"bigint\",\"value\":2},{\"name\":\"room\",\"type\":\"text\",\"value\":\"y\"}],"
                + "\"identity\":[{\"name\":\"user_id\",\"type\":\"text\",\"value\":\"a\"},"
                + "{\"name\":\"id\",\"type\":\"bigint\",\"value\":1}]}");

        assertEquals('U', c.action());
        assertEquals("y", c.columns().get("room").asText());
        assertEquals(1, c.identity().get("id").asLong());
        assertEquals(2, c.identity().size());
    }

    @Test
    void aDeleteHasOnlyTheIdentityAndItsTypes() {
        Wal2JsonChange c = Wal2JsonChange.parse("{\"action\":\"D\",\"schema\":\"s\",\"table\":\"t\","
                + "\"identity\":[{\"name\":\"id\",\"type\":\"bigint\",\"value\":9}]}");

        assertEquals("s.t", c.table());
        assertTrue(c.columns().isEmpty());
        assertEquals(9, c.identity().get("id").asLong());
        assertEquals("bigint", c.types().get("id"));
    }

    @Test
    void transactionAndMessageRecordsAreNotRowChanges() {
        assertNull(Wal2JsonChange.parse("{\"action\":\"B\"}"));
        assertNull(Wal2JsonChange.parse("{\"action\":\"C\"}"));
        assertNull(Wal2JsonChange.parse("{\"action\":\"M\",\"transactional\":false,\"prefix\":\"p\",\"content\":\"x\"}"));
    }

    @Test
    void textThatIsNotAFormatVersion2MessageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wal2JsonChange.parse("{\"change\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> Wal2JsonChange.parse("not json"));
    }
}
