package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.auth.AuthService;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything a statement committed is still there after the engine is closed and reopened on its data. */
class RestartTest {
    @TempDir
    Path dir;
    private EngineFixture db;
    private final SqlSession alice = user("alice");

    @BeforeEach
    void data() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE NAMESPACE spare");
        db.run(root(), "CREATE USER TABLE app.notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL, n SMALLINT)");
        db.run(root(), "CREATE TABLE app.rooms (id TEXT PRIMARY KEY, title TEXT) WITH (ACCESS_LEVEL = 'public')");
        db.run(alice, "INSERT INTO app.notes VALUES (1, 'keep', 1), (2, 'gone', 2)");
        db.run(user("bob"), "INSERT INTO app.notes VALUES (1, 'bob', 3)");
        db.run(alice, "DELETE FROM app.notes WHERE id = 2");
        db.run(root(), "INSERT INTO app.rooms VALUES ('r1', 'Lobby')");
        db.run(root(), "ALTER TABLE app.notes MODIFY COLUMN n BIGINT");
        db.run(root(), "ALTER TABLE app.notes ADD COLUMN tag TEXT");
        db.run(root(), "CREATE USER carol WITH PASSWORD 'pw-carol' ROLE dba EMAIL 'carol@example.com'");
        db.run(root(), "CREATE USER dave WITH PASSWORD 'pw-dave-secret-1'");
        db.run(root(), "DROP USER dave");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void namespacesAndTablesSurvive() {
        db.restart();
        assertEquals(List.of("app", "default", "spare"), db.column(root(), "SHOW NAMESPACES"));
        assertEquals(List.of(List.of("notes", "user", 3), List.of("rooms", "shared", 1)),
                db.rows(root(), "SHOW TABLES IN app").stream().map(r -> List.of(r.get(1), r.get(2), r.get(4))).toList());
        assertEquals(List.of("public"), db.column(root(), "SELECT access_level FROM system.tables WHERE table_name = 'rooms'"));
    }

    @Test
    void schemaHistorySurvives() {
        db.restart();
        assertEquals(List.of(
                List.of(1, "id BIGINT, body TEXT, n SMALLINT"),
                List.of(2, "id BIGINT, body TEXT, n BIGINT"),
                List.of(3, "id BIGINT, body TEXT, n BIGINT, tag TEXT")),
                db.rows(root(), "DESCRIBE TABLE app.notes HISTORY").stream().map(r -> List.of(r.get(0), r.get(2))).toList());
    }

    @Test
    void rowsSurviveInTheirPartitionsAndReadUnderTheCurrentSchema() {
        db.restart();
        assertEquals(List.of(Arrays.asList(1L, "keep", 1L, null)), db.rows(alice, "SELECT * FROM app.notes"));
        assertEquals(List.of(Arrays.asList(1L, "bob", 3L, null)), db.rows(user("bob"), "SELECT * FROM app.notes"));
        assertEquals(List.of(List.of("r1", "Lobby")), db.rows(user("bob"), "SELECT * FROM app.rooms"));
    }

    @Test
    void softDeletesSurvive() {
        db.restart();
        assertEquals(List.of(), db.rows(alice, "SELECT * FROM app.notes WHERE id = 2"));
        assertEquals(List.of("gone"), db.column(alice, "SELECT body FROM app.notes WHERE _deleted = true"));
    }

    @Test
    void usersSurviveAndCanStillLogIn() {
        AuthService.Session before = db.engine().auth().login("carol", "pw-carol");
        db.restart();
        assertEquals(List.of(
                Arrays.asList("carol", "dba", "carol@example.com", false),
                Arrays.asList("dave", "user", null, true),
                Arrays.asList("root", "system", null, false)),
                db.rows(root(), "SELECT user_id, role, email, deleted_at IS NOT NULL FROM system.users ORDER BY user_id"));
        assertEquals(Role.DBA, db.engine().auth().login("carol", "pw-carol").user().role());
        assertEquals("carol", db.engine().auth().authenticate(before.accessToken().token()).id().value());
        assertEquals(ErrorCode.AUTH_REQUIRED, assertThrows(KalamException.class,
                () -> db.engine().auth().login("dave", "pw-dave-secret-1")).code());
    }

    @Test
    void newSeqValuesExceedEveryStoredOne() {
        long highest = (Long) db.column(alice, "SELECT MAX(_seq) FROM app.notes WHERE _deleted = true").get(0);
        highest = Math.max(highest, (Long) db.column(alice, "SELECT MAX(_seq) FROM app.notes").get(0));
        highest = Math.max(highest, (Long) db.column(user("bob"), "SELECT MAX(_seq) FROM app.notes").get(0));
        highest = Math.max(highest, (Long) db.column(root(), "SELECT MAX(_seq) FROM app.rooms").get(0));
        db.restart();

        db.run(user("bob"), "UPDATE app.notes SET body = 'bob again' WHERE id = 1");
        long updated = (Long) db.column(user("bob"), "SELECT _seq FROM app.notes WHERE id = 1").get(0);
        long inserted = (Long) db.run(root(), "INSERT INTO app.rooms VALUES ('r2', 'Kitchen') RETURNING _seq").rows().get(0)[0];
        assertTrue(updated > highest, updated + " > " + highest);
        assertTrue(inserted > updated, inserted + " > " + updated);
    }

    @Test
    void writesContinueNormallyAfterARestart() {
        db.restart();
        db.run(alice, "INSERT INTO app.notes (id, body) VALUES (2, 'back')");
        db.fails(ErrorCode.CONSTRAINT_VIOLATION, alice, "INSERT INTO app.notes (id, body) VALUES (1, 'dup')");
        db.restart();
        assertEquals(List.of("keep", "back"), db.column(alice, "SELECT body FROM app.notes ORDER BY id"));
    }
}
