package io.kalamdb.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay's live-query subset: projection, table and equalities, judged per row and subscriber. */
class LiveFilterTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static Map<String, JsonNode> row(String user, String room, long n) {
        return Map.of("user_id", F.textNode(user), "room", F.textNode(room), "n", F.numberNode(n));
    }

    @Test
    void parsesProjectionTableAndEqualities() {
        LiveFilter f = LiveFilter.parse("SELECT id, Room, stamp FROM w3_0 WHERE room = 'it''s' AND n = 5");

        assertEquals("public.w3_0", f.table());
        assertEquals(List.of("id", "room", "stamp"), f.columns());
        assertEquals(Map.of("room", "it's", "n", "5"), f.equalities());
    }

    @Test
    void starAndASchemaAndNoWhere() {
        LiveFilter f = LiveFilter.parse("select * from app.messages");

        assertEquals("app.messages", f.table());
        assertEquals(List.of(), f.columns());
        assertEquals(Map.of(), f.equalities());
    }

    @Test
    void aRowMatchesOnlyItsOwnerAndOnlyWhenEveryEqualityHolds() {
        LiveFilter f = LiveFilter.parse("SELECT id FROM t WHERE room = 'live' AND n = 5");

        assertTrue(f.matches("alice", row("alice", "live", 5)));
        assertFalse(f.matches("bob", row("alice", "live", 5)));
        assertFalse(f.matches("alice", row("alice", "other", 5)));
        assertFalse(f.matches("alice", row("alice", "live", 6)));
        assertFalse(f.matches("alice", Map.of("user_id", F.textNode("alice"), "n", F.numberNode(5))));
        assertFalse(f.matches("alice", Map.of("room", F.textNode("live"), "n", F.numberNode(5))));
    }

    @Test
    void sqlOutsideTheSubsetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LiveFilter.parse("SELECT id FROM t WHERE n > 5"));
        assertThrows(IllegalArgumentException.class, () -> LiveFilter.parse("SELECT id FROM t WHERE a = 1 OR b = 2"));
        assertThrows(IllegalArgumentException.class, () -> LiveFilter.parse("SELECT count(*) FROM t"));
        assertThrows(IllegalArgumentException.class, () -> LiveFilter.parse("DELETE FROM t"));
    }
}
