package io.kalamdb.core.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.sql.SqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash safety and concurrency of a flush. A crash at a {@link FlushStep} is simulated by taking an image of
 * the data directory there — a RocksDB checkpoint (exactly the committed state a process crash leaves) plus a
 * copy of the storage directory, temporary files included — and starting an engine on the image.
 */
class FlushCrashTest {
    @TempDir
    Path dir;
    @TempDir
    Path images;
    final SqlSession alice = EngineFixture.user("alice");

    private static TableDefinition table(EngineFixture db, String name) {
        return db.engine().catalog().requireTable(TableId.of("app", name));
    }

    @ParameterizedTest
    @EnumSource(FlushStep.class)
    void aCrashAtAnyStepLosesAndDuplicatesNothing(FlushStep crashAt) throws Exception {
        Path image = images.resolve(crashAt.name());
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(EngineFixture.root(), "CREATE NAMESPACE app");
            db.run(EngineFixture.root(), "CREATE USER TABLE app.msgs (id BIGINT PRIMARY KEY, body TEXT)");
            db.run(alice, "INSERT INTO app.msgs VALUES (1, 'one'), (2, 'two'), (3, 'three')");
            db.engine().cold().flusher().flush(table(db, "msgs"), () -> false);
            db.run(alice, "UPDATE app.msgs SET body = 'two v2' WHERE id = 2");
            db.run(alice, "DELETE FROM app.msgs WHERE id = 3");
            db.run(alice, "INSERT INTO app.msgs VALUES (4, 'four')");
            db.engine().cold().flusher().onStep(step -> {
                if (step == crashAt) {
                    crashImage(db, image);
                }
            });
            db.engine().cold().flusher().flush(table(db, "msgs"), () -> false);
        }
        try (EngineFixture recovered = new EngineFixture(image)) {
            assertEquals(List.of(List.of(1L, "one"), List.of(2L, "two v2"), List.of(4L, "four")),
                    recovered.rows(alice, "SELECT id, body FROM app.msgs ORDER BY id"));
            assertEquals(List.of(3L), recovered.column(alice, "SELECT id FROM app.msgs WHERE _deleted = true"));
            int segments = recovered.engine().cold().manifests(TableId.of("app", "msgs")).get(0).segments().size();
            assertEquals(crashAt.compareTo(FlushStep.AFTER_MANIFEST_COMMIT) >= 0 ? 2 : 1, segments);
            List<String> expectedFiles = new ArrayList<>();
            for (int i = 1; i <= segments; i++) {
                expectedFiles.add("batch-" + i + ".parquet");
            }
            expectedFiles.add("manifest.json");
            assertEquals(expectedFiles, ColdTierTest.files(image.resolve("storage/app/msgs/alice")));
            recovered.engine().cold().flusher().flush(table(recovered, "msgs"), () -> false);
            assertEquals(List.of("one", "two v2", "four"), recovered.column(alice,
                    "SELECT body FROM app.msgs ORDER BY id"));
        }
    }

    private static void crashImage(EngineFixture db, Path image) {
        try {
            Files.createDirectories(image);
            db.engine().store().checkpoint(image.resolve("rocksdb"));
            Path storage = db.engine().config().dataDir().resolve("storage");
            try (Stream<Path> all = Files.walk(storage)) {
                for (Path p : all.toList()) {
                    Path target = image.resolve("storage").resolve(storage.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void writesDuringAFlushAreNeverLost() throws Exception {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(EngineFixture.root(), "CREATE NAMESPACE app");
            db.run(EngineFixture.root(), "CREATE SHARED TABLE app.counters (id BIGINT PRIMARY KEY, v BIGINT) "
                    + "WITH (ACCESS_LEVEL = 'public')");
            StringBuilder sql = new StringBuilder("INSERT INTO app.counters VALUES ");
            for (int i = 0; i < 20_000; i++) {
                sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", 0)");
            }
            db.run(EngineFixture.root(), sql.toString());
            SqlSession writerSession = EngineFixture.root();
            Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong written = new AtomicLong();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    long n = 0;
                    try {
                        while (!stop.get()) {
                            n++;
                            long id = writer == 0 ? (n * 7919) % 20_000 : 20_000 + n;
                            if (writer == 0) {
                                db.run(writerSession, "UPDATE app.counters SET v = $1 WHERE id = $2", n, id);
                            } else {
                                db.run(writerSession, "INSERT INTO app.counters VALUES ($1, $2)", id, n);
                            }
                            acknowledged.put(id, n);
                            written.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
                thread.start();
                writers.add(thread);
            }
            while (written.get() < 200) {
                Thread.sleep(5);
            }
            long before = written.get();
            for (int round = 0; round < 3; round++) {
                db.engine().cold().flusher().flush(table(db, "counters"), () -> false);
            }
            long during = written.get() - before;
            stop.set(true);
            for (Thread t : writers) {
                t.join();
            }
            assertEquals(null, failure.get());
            assertTrue(during > 50, "only " + during + " writes ran during the flushes");
            db.engine().cold().flusher().flush(table(db, "counters"), () -> false);
            Map<Long, Long> stored = new java.util.HashMap<>();
            for (List<Object> row : db.rows(writerSession, "SELECT id, v FROM app.counters")) {
                stored.put((Long) row.get(0), (Long) row.get(1));
            }
            assertTrue(stored.size() >= 20_000);
            for (Map.Entry<Long, Long> e : acknowledged.entrySet()) {
                assertEquals(e.getValue(), stored.get(e.getKey()), "row " + e.getKey());
            }
            assertEquals(stored.size(), db.column(writerSession, "SELECT COUNT(*) FROM app.counters").stream()
                    .mapToLong(v -> (Long) v).sum());
        }
    }
}
