package io.kalamdb.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.LatencyRecorder;
import org.junit.jupiter.api.Test;

/** A subscriber resumes from the last {@code _seq} it saw and measures each row's first receipt once. */
class LiveSubscriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode row(long id, long stamp, String seq) throws Exception {
        return JSON.readTree("{\"id\":\"" + id + "\",\"stamp\":\"" + stamp + "\",\"_seq\":\"" + seq + "\"}");
    }

    @Test
    void theFirstSubscribeHasNoFromAndALaterOneResumesFromTheLastSeq() throws Exception {
        LiveSubscription s = new LiveSubscription("s1", "SELECT id, stamp FROM t");
        JsonNode first = JSON.readTree(s.subscribeMessage()).path("subscription");
        assertFalse(first.has("options"));
        assertEquals("SELECT id, stamp FROM t", first.path("sql").asText());

        s.onRow(100, row(1, 10, "383011597146132480"));
        s.onRow(100, row(2, 20, "383011597146132481"));

        JsonNode resume = JSON.readTree(s.subscribeMessage()).path("subscription");
        assertEquals("383011597146132481", resume.path("options").path("from").asText());
    }

    @Test
    void onlyFirstReceiptsOfRowsStampedInTheWindowAreMeasured() throws Exception {
        LiveSubscription s = new LiveSubscription("s1", "SELECT id, stamp FROM t");
        s.measure(new Window.Clock(1_000, 2_000));

        s.onRow(1_500, row(1, 900, "1"));
        s.onRow(1_600, row(2, 1_100, "2"));
        s.onRow(1_900, row(2, 1_100, "3"));
        s.onRow(2_300, row(3, 1_999, "4"));
        s.onRow(2_400, row(4, 2_000, "5"));

        LatencyRecorder all = new LatencyRecorder();
        s.addLatenciesTo(all);
        assertEquals(2, all.count());
        assertEquals(301, all.percentile(50));
        assertEquals(500, all.percentile(100));
        assertEquals(1, s.ledger().duplicates());
        assertEquals(5, s.ledger().received());
    }
}
