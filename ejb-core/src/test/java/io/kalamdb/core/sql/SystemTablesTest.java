package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.as;
import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.auth.UserRepository;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code system.*} and {@code information_schema.*} views (DESIGN.md §7). */
class SystemTablesTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void catalog() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE USER TABLE app.notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL DEFAULT 'empty')");
        db.run(root(), "CREATE STREAM TABLE app.events (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 600)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> columnNames(String sql) {
        return db.run(root(), sql).schema().stream().map(ResultColumn::name).toList();
    }

    @Test
    void usersShowsRootAndCreatedUsersWithoutPasswordHashes() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'secret-secret-1' ROLE service EMAIL 'alice@example.com'");
        assertEquals(List.of("user_id", "username", "role", "email", "auth_type", "storage_mode", "storage_id",
                "created_at", "updated_at", "last_seen", "deleted_at", "last_login_at"), columnNames("SELECT * FROM system.users"));
        assertEquals(List.of(
                Arrays.asList("alice", "alice", "service", "alice@example.com"),
                Arrays.asList("root", "root", "system", null)),
                db.rows(root(), "SELECT user_id, username, role, email FROM system.users ORDER BY user_id"));
        db.fails(ErrorCode.INVALID_SQL, root(), "SELECT password_hash FROM system.users");
        for (List<Object> row : db.rows(root(), "SELECT * FROM system.users")) {
            assertTrue(row.stream().noneMatch(v -> v instanceof String s && s.startsWith("$2")), row.toString());
        }
    }

    @Test
    void loginSetsLastLoginAtAndRequestsMoveLastSeenAtMostOncePerMinute() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'secret-secret-1'");
        assertEquals(Arrays.asList(null, null), db.rows(root(),
                "SELECT last_login_at, last_seen FROM system.users WHERE user_id = 'alice'").get(0));
        long before = System.currentTimeMillis() * 1000L;
        String token = db.engine().auth().login("alice", "secret-secret-1").accessToken().token();
        List<Object> times = db.rows(root(), "SELECT last_login_at, last_seen FROM system.users WHERE user_id = 'alice'")
                .get(0);
        long loginAt = (Long) times.get(0);
        assertTrue(loginAt >= before - 1000 && loginAt <= System.currentTimeMillis() * 1000L, times.toString());
        assertEquals(loginAt, times.get(1));

        db.engine().auth().authenticate(token);
        assertEquals(loginAt, db.column(root(), "SELECT last_seen FROM system.users WHERE user_id = 'alice'").get(0));

        UserRepository users = new UserRepository(db.engine().store());
        long later = loginAt / 1000 + UserRepository.LAST_SEEN_GRANULARITY_MILLIS;
        users.seen(users.find(new UserId("alice")).orElseThrow(), later);
        assertEquals(later, users.find(new UserId("alice")).orElseThrow().lastSeen());
        assertEquals(loginAt / 1000, users.find(new UserId("alice")).orElseThrow().lastLoginAt());
        db.restart();
        assertEquals(List.of(later * 1000, loginAt), db.rows(root(),
                "SELECT last_seen, last_login_at FROM system.users WHERE user_id = 'alice'").get(0));
    }

    @Test
    void droppedUsersStayListedWithDeletedAt() {
        db.run(root(), "CREATE USER alice WITH PASSWORD 'secret-secret-1'");
        assertNull(db.column(root(), "SELECT deleted_at FROM system.users WHERE user_id = 'alice'").get(0));
        long before = System.currentTimeMillis() * 1000L;
        db.run(root(), "DROP USER alice");
        long after = System.currentTimeMillis() * 1000L;

        Long deletedAt = (Long) db.column(root(), "SELECT deleted_at FROM system.users WHERE user_id = 'alice'").get(0);
        assertNotNull(deletedAt);
        assertTrue(deletedAt >= before - 1000 && deletedAt <= after, deletedAt + " not in [" + before + ", " + after + "]");
    }

    @Test
    void namespacesListsEveryNamespaceWithItsTableCount() {
        db.run(root(), "CREATE NAMESPACE spare");
        assertEquals(List.of(List.of("app", "app", 2), List.of("default", "default", 0), List.of("spare", "spare", 0)),
                db.rows(root(), "SELECT namespace_id, name, table_count FROM system.namespaces ORDER BY namespace_id"));
    }

    @Test
    void tablesListsEveryTableWithItsOptions() {
        assertEquals(List.of(
                Arrays.asList("app.events", "app", "events", "stream", "local", 600L, null, 1),
                Arrays.asList("app.notes", "app", "notes", "user", "local", null, null, 1)),
                db.rows(root(), "SELECT table_id, namespace_id, table_name, table_type, storage_id, ttl_seconds, "
                        + "access_level, schema_version FROM system.tables ORDER BY table_id"));
    }

    @Test
    void columnsListsEveryColumnOfEveryTable() {
        assertEquals(List.of(
                Arrays.asList("app.notes", "id", 1, "BIGINT", false, true, null),
                Arrays.asList("app.notes", "body", 2, "TEXT", false, false, "'empty'")),
                db.rows(root(), "SELECT table_id, column_name, ordinal_position, data_type, is_nullable, is_primary_key, "
                        + "default_value FROM system.columns WHERE table_name = 'notes' ORDER BY ordinal_position"));
    }

    @Test
    void informationSchemaTablesListsTablesAndViews() {
        List<List<Object>> rows = db.rows(root(),
                "SELECT table_schema, table_name, table_type FROM information_schema.tables ORDER BY table_schema, table_name");
        assertTrue(rows.contains(List.of("app", "notes", "BASE TABLE")), rows.toString());
        assertTrue(rows.contains(List.of("app", "events", "BASE TABLE")), rows.toString());
        assertTrue(rows.contains(List.of("system", "users", "VIEW")), rows.toString());
        assertTrue(rows.contains(List.of("information_schema", "columns", "VIEW")), rows.toString());
        assertEquals(List.of("kalamdb"), db.column(root(), "SELECT DISTINCT table_catalog FROM information_schema.tables"));
    }

    @Test
    void informationSchemaColumnsDescribesColumnsTheStandardWay() {
        assertEquals(List.of(
                Arrays.asList("id", 1, "BIGINT", "NO", null),
                Arrays.asList("body", 2, "TEXT", "NO", "'empty'")),
                db.rows(root(), "SELECT column_name, ordinal_position, data_type, is_nullable, column_default "
                        + "FROM information_schema.columns WHERE table_schema = 'app' AND table_name = 'notes' "
                        + "ORDER BY ordinal_position"));
    }

    @Test
    void viewsFollowDdl() {
        db.run(root(), "ALTER TABLE app.notes ADD COLUMN tag TEXT");
        db.run(root(), "DROP TABLE app.events");
        assertEquals(List.of(List.of("app.notes", 2)), db.rows(root(), "SELECT table_id, schema_version FROM system.tables"));
        assertEquals(List.of("id", "body", "tag"), db.column(root(),
                "SELECT column_name FROM system.columns ORDER BY ordinal_position"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"system.users", "system.namespaces", "system.tables", "system.columns",
        "information_schema.tables", "information_schema.columns"})
    void onlyDbaAndSystemMayReadTheViews(String view) {
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), "SELECT * FROM " + view);
        db.fails(ErrorCode.PERMISSION_DENIED, as("svc", Role.SERVICE), "SELECT COUNT(*) FROM " + view);
        assertTrue(db.column(as("admin", Role.DBA), "SELECT COUNT(*) FROM " + view).get(0) instanceof Long);
    }

    @Test
    void theViewsAreReadOnly() {
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "INSERT INTO system.users (user_id) VALUES ('mallory')");
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "UPDATE system.users SET role = 'dba'");
        db.fails(ErrorCode.PERMISSION_DENIED, root(), "DELETE FROM system.tables");
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE system.users ADD COLUMN note TEXT");
        db.fails(ErrorCode.INVALID_SQL, root(), "DROP TABLE system.users");
        assertEquals(List.of("root"), db.column(root(), "SELECT user_id FROM system.users"));
    }

    @Test
    void unknownViewsAreNotFound() {
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "SELECT * FROM system.nope");
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "INSERT INTO system.nope VALUES (1)");
    }
}
