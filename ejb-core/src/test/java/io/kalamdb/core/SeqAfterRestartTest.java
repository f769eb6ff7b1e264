package io.kalamdb.core;

import static io.kalamdb.core.EngineFixture.root;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.store.Durability;
import io.kalamdb.core.store.KalamStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code _seq} stays monotonic across restarts, after a clean shutdown and after a crash. */
class SeqAfterRestartTest {
    @TempDir
    Path dir;

    private static long maxSeq(EngineFixture db) {
        return (Long) db.run(root(), "SELECT MAX(_seq) FROM app.t").rows().get(0)[0];
    }

    @Test
    void newRowVersionsExceedOldOnesAfterACleanRestart() {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(root(), "CREATE NAMESPACE app; CREATE SHARED TABLE app.t (id BIGINT PRIMARY KEY)");
            db.run(root(), "INSERT INTO app.t VALUES (1), (2)");
            long before = maxSeq(db);
            db.restart();
            db.run(root(), "INSERT INTO app.t VALUES (3)");
            assertTrue(maxSeq(db) > before);
        }
    }

    @Test
    void newRowVersionsExceedOldOnesWhenTheShutdownMarkIsMissing() {
        long before;
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(root(), "CREATE NAMESPACE app; CREATE SHARED TABLE app.t (id BIGINT PRIMARY KEY)");
            db.run(root(), "INSERT INTO app.t VALUES (1), (2)");
            before = maxSeq(db);
        }
        try (KalamStore store = KalamStore.open(dir.resolve("rocksdb"), Durability.RELAXED)) {
            store.commit(store.newBatch().delete(store.partition(KalamStore.SYSTEM_META), KalamEngine.SEQ_HIGH_WATER));
        }
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(root(), "INSERT INTO app.t VALUES (3)");
            assertTrue(maxSeq(db) > before);
        }
    }
}
