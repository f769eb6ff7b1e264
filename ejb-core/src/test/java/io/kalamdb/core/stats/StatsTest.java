package io.kalamdb.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.sql.SqlSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHOW STATS and system.stats on a real engine. */
class StatsTest {
    @TempDir
    Path dir;
    EngineFixture db;
    final SqlSession root = EngineFixture.root();

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.run(root, "CREATE NAMESPACE app");
        db.run(root, "CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY, body TEXT)");
        db.run(root, "CREATE SHARED TABLE app.notes (id BIGINT PRIMARY KEY, body TEXT)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void showStatsCountsColdRowsSegmentsAndPartitionsPerTable() {
        db.run(EngineFixture.user("alice"), "INSERT INTO app.msgs VALUES (1, 'a'), (2, 'b')");
        db.run(EngineFixture.user("bob"), "INSERT INTO app.msgs VALUES (1, 'c')");
        db.run(root, "INSERT INTO app.notes VALUES (1, 'n')");
        db.run(root, "FLUSH TABLE app.msgs");
        db.run(EngineFixture.user("alice"), "INSERT INTO app.msgs VALUES (3, 'd')");

        List<List<Object>> rows = db.rows(root, "SHOW STATS");
        assertEquals(List.of("app", "msgs", "USER"), rows.get(0).subList(0, 3));
        assertEquals(List.of(3L, 2L), List.of(rows.get(0).get(5), rows.get(0).get(6)));
        assertTrue((Long) rows.get(0).get(7) > 0);
        assertEquals(2L, rows.get(0).get(8));
        assertEquals(List.of("app", "notes", "SHARED", 0L, 0L, 0L),
                List.of(rows.get(1).get(0), rows.get(1).get(1), rows.get(1).get(2), rows.get(1).get(5),
                        rows.get(1).get(6), rows.get(1).get(7)));
        assertTrue((Long) rows.get(1).get(3) >= 1, "hot estimate " + rows.get(1));
        assertEquals(1, db.rows(root, "USE app; SHOW STATS FOR TABLE notes").size());
        db.fails(ErrorCode.TABLE_NOT_FOUND, root, "SHOW STATS FOR TABLE app.nothing");
        db.fails(ErrorCode.PERMISSION_DENIED, EngineFixture.user("alice"), "SHOW STATS");
    }

    @Test
    void systemStatsHasServerMetrics() {
        db.run(root, "INSERT INTO app.notes VALUES (1, 'n'), (2, 'm')");
        db.run(root, "FLUSH TABLE app.notes");
        Map<Object, Object> metrics = new HashMap<>();
        for (List<Object> row : db.rows(root, "SELECT metric_name, metric_value FROM system.stats")) {
            metrics.put(row.get(0), row.get(1));
        }
        assertEquals(2L, metrics.get("tables"));
        assertEquals(2L, metrics.get("cold_rows"));
        assertEquals(1L, metrics.get("cold_segments"));
        assertEquals(1L, metrics.get("jobs"));
        assertEquals(0L, metrics.get("jobs_running"));
        assertEquals(0L, metrics.get("live_subscriptions"));
        assertTrue((Long) metrics.get("heap_used_bytes") > 0);
        assertTrue((Long) metrics.get("uptime_seconds") >= 0);
        db.fails(ErrorCode.PERMISSION_DENIED, EngineFixture.user("alice"), "SELECT * FROM system.stats");
    }
}
