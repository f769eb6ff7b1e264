package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryLimitsTest {
    private static final int ROWS = 3_000;

    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void numbers() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE SHARED TABLE app.numbers (id BIGINT PRIMARY KEY, v BIGINT) WITH (ACCESS_LEVEL='public')");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= ROWS; i++) {
            values.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(i).append(')');
        }
        db.run(root(), "INSERT INTO app.numbers VALUES " + values);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void limits(Duration timeout, long maxRows) {
        db.engine().sql().queryLimits(new QueryLimits(timeout, maxRows));
    }

    @Test
    void aResultOverTheMaximumRowsFailsWithMessageTooLargeWhileSmallerOnesPass() {
        limits(Duration.ZERO, 100);

        KalamException e = db.fails(ErrorCode.MESSAGE_TOO_LARGE, user("alice"), "SELECT id FROM app.numbers");

        assertEquals("The result has more than the maximum of 100 rows (kalamdb.sql.max.result.rows): add a LIMIT "
                + "or a narrower WHERE", e.getMessage());
        assertEquals(100, db.run(user("alice"), "SELECT id FROM app.numbers ORDER BY id LIMIT 100").rowCount());
        assertEquals(List.of((long) ROWS), db.column(user("alice"), "SELECT COUNT(*) FROM app.numbers"),
                "an aggregate reads every row but returns one");
        assertEquals(List.of(7L), db.column(user("alice"), "SELECT v FROM app.numbers WHERE id = 7"));
    }

    @Test
    void aQueryPastTheStatementTimeoutStopsAndFailsAndTheEngineCarriesOn() {
        limits(Duration.ofMillis(200), 0);
        String slow = "SELECT COUNT(*) FROM app.numbers a, app.numbers b, app.numbers c WHERE a.v + b.v + c.v < 0";

        long start = System.nanoTime();
        KalamException e = db.fails(ErrorCode.SQL_EXECUTION_ERROR, user("alice"), slow);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("Statement cancelled: it ran longer than the statement timeout of 200 ms "
                + "(kalamdb.sql.statement.timeout.seconds)", e.getMessage());
        assertTrue(millis < 5_000, "27 billion row combinations would take hours; the query stopped after " + millis
                + " ms");
        assertEquals(List.of((long) ROWS), db.column(user("alice"), "SELECT COUNT(*) FROM app.numbers"));
    }

    @Test
    void withoutLimitsLargeResultsPass() {
        limits(Duration.ZERO, 0);

        assertEquals(ROWS, db.run(user("alice"), "SELECT id FROM app.numbers").rowCount());
    }
}
