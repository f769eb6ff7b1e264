package io.kalamdb.core.jobs;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kalamdb.core.EngineFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The works the engine registers — stream-eviction, job-cleanup, user-cleanup — run as jobs on a test clock. */
class JobWorksTest {
    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir, clock::get);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JobRecord submit(JobType type, Map<String, String> parameters) {
        return db.engine().jobs().submit(type, null, parameters, type.wireName());
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toMillis());
    }

    @Test
    void streamEvictionDeletesTheEventsOlderThanEachTablesTtl() {
        db.run(root(), "CREATE NAMESPACE app; CREATE STREAM TABLE app.typing (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 60);"
                + " CREATE STREAM TABLE app.presence (id TEXT PRIMARY KEY) WITH (TTL_SECONDS = 3600)");
        db.run(user("ann"), "INSERT INTO app.typing VALUES ('a'), ('b')");
        db.run(user("bob"), "INSERT INTO app.typing VALUES ('c')");
        db.run(user("bob"), "INSERT INTO app.presence VALUES ('here')");

        assertEquals("Evicted 0 expired event(s) from 2 STREAM table(s)",
                submit(JobType.STREAM_EVICTION, Map.of()).message());
        advance(Duration.ofSeconds(61));
        JobRecord job = submit(JobType.STREAM_EVICTION, Map.of());

        assertEquals(JobStatus.COMPLETED, job.status());
        assertEquals("Evicted 3 expired event(s) from 2 STREAM table(s)", job.message());
        assertEquals(List.of("here"), db.column(user("bob"), "SELECT id FROM app.presence"));
    }

    @Test
    void jobCleanupDeletesOnlyJobsFinishedBeforeTheRetention() {
        JobRecord old = submit(JobType.STREAM_EVICTION, Map.of());
        advance(Duration.ofDays(2));
        JobRecord recent = submit(JobType.STREAM_EVICTION, Map.of());
        advance(Duration.ofDays(29));

        JobRecord cleanup = submit(JobType.JOB_CLEANUP, Map.of());

        assertEquals("Deleted 1 job(s) finished more than 30 day(s) ago", cleanup.message());
        assertEquals(List.of(recent.id().value(), cleanup.id().value()),
                db.column(root(), "SELECT job_id FROM system.jobs ORDER BY created_at"), old.id() + " is gone");
    }

    @Test
    void jobCleanupWithABadRetentionFails() {
        JobRecord job = submit(JobType.JOB_CLEANUP, Map.of(JobCleanupJob.RETENTION_DAYS, "-1"));

        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("Parameter retention_days must be a whole number of at least 0: '-1'", job.message());
    }

    @Test
    void userCleanupPurgesUsersDroppedLongerAgoThanTheGracePeriod() {
        db.run(root(), "CREATE USER gone WITH PASSWORD 'pw1-secret-1'; CREATE USER recent WITH PASSWORD 'pw2-secret-1';"
                + " CREATE USER kept WITH PASSWORD 'pw3-secret-1'; DROP USER gone");
        advance(Duration.ofDays(6));
        db.run(root(), "DROP USER recent");
        advance(Duration.ofDays(2));

        JobRecord job = submit(JobType.USER_CLEANUP, Map.of());

        assertEquals("Purged 1 user(s) dropped more than 7 day(s) ago", job.message());
        assertEquals(List.of("kept", "recent", "root"), db.column(root(), "SELECT user_id FROM system.users ORDER BY user_id"));
        db.run(root(), "CREATE USER gone WITH PASSWORD 'new-secret-1'");
        assertEquals(List.of(clock.get() * 1000), db.column(root(),
                "SELECT created_at FROM system.users WHERE user_id = 'gone'"), "a new user, not a restored one");
    }
}
