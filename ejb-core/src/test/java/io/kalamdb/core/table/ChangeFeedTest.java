package io.kalamdb.core.table;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed statements publish their row changes on the feed; failed ones publish nothing. */
class ChangeFeedTest {
    @TempDir
    Path dir;

    @Test
    void insertUpdateAndSoftDeleteArePublishedAfterCommitWithBeforeAndAfter() throws Exception {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(root(), "CREATE NAMESPACE app; CREATE USER TABLE app.t (id BIGINT PRIMARY KEY, v TEXT)");
            List<List<RowChange>> seen = new ArrayList<>();
            try (AutoCloseable sub = db.engine().changes().subscribe(seen::add)) {
                db.run(user("ann"), "INSERT INTO app.t VALUES (1, 'a'), (2, 'b')");
                db.run(user("ann"), "UPDATE app.t SET v = 'a2' WHERE id = 1");
                db.run(user("ann"), "DELETE FROM app.t WHERE id = 2");
            }
            db.run(user("ann"), "INSERT INTO app.t VALUES (3, 'after unsubscribe')");

            assertEquals(3, seen.size(), "one publication per statement");
            List<RowChange> inserts = seen.get(0);
            assertEquals(List.of(RowChange.Kind.INSERT, RowChange.Kind.INSERT), inserts.stream().map(RowChange::kind).toList());
            assertEquals(new UserId("ann"), inserts.get(0).owner());
            assertNull(inserts.get(0).before());
            assertTrue(inserts.get(0).seq() < inserts.get(1).seq());
            RowChange update = seen.get(1).get(0);
            assertEquals(RowChange.Kind.UPDATE, update.kind());
            assertEquals(inserts.get(0).seq(), update.before().seq());
            assertTrue(update.seq() > inserts.get(1).seq());
            RowChange delete = seen.get(2).get(0);
            assertEquals(RowChange.Kind.DELETE, delete.kind());
            assertTrue(delete.after().deleted(), "soft delete publishes the tombstone");
            assertEquals("app.t", delete.table().toString());
        }
    }

    @Test
    void aFailedStatementPublishesNothing() throws Exception {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(root(), "CREATE NAMESPACE app; CREATE SHARED TABLE app.t (id BIGINT PRIMARY KEY, v TEXT NOT NULL)");
            db.run(root(), "INSERT INTO app.t VALUES (1, 'a')");
            List<List<RowChange>> seen = new ArrayList<>();
            try (AutoCloseable sub = db.engine().changes().subscribe(seen::add)) {
                assertThrows(KalamException.class, () -> db.run(root(), "INSERT INTO app.t VALUES (2, 'b'), (1, 'dup')"));
                assertThrows(KalamException.class, () -> db.run(root(), "UPDATE app.t SET v = NULL"));
            }
            assertEquals(List.of(), seen);
        }
    }
}
