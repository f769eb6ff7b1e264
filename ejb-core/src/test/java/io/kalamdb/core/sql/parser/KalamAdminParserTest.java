package io.kalamdb.core.sql.parser;

import io.kalamdb.core.sql.parser.ast.SqlAlterStorage;
import io.kalamdb.core.sql.parser.ast.SqlAlterUser;
import io.kalamdb.core.sql.parser.ast.SqlBackupDatabase;
import io.kalamdb.core.sql.parser.ast.SqlClearCache;
import io.kalamdb.core.sql.parser.ast.SqlCreateStorage;
import io.kalamdb.core.sql.parser.ast.SqlCreateUser;
import io.kalamdb.core.sql.parser.ast.SqlDropStorage;
import io.kalamdb.core.sql.parser.ast.SqlDropUser;
import io.kalamdb.core.sql.parser.ast.SqlExecuteAsUser;
import io.kalamdb.core.sql.parser.ast.SqlFlushAllTables;
import io.kalamdb.core.sql.parser.ast.SqlFlushTable;
import io.kalamdb.core.sql.parser.ast.SqlKillJob;
import io.kalamdb.core.sql.parser.ast.SqlKillLiveQuery;
import io.kalamdb.core.sql.parser.ast.SqlRestoreDatabase;
import io.kalamdb.core.sql.parser.ast.SqlShowStats;
import io.kalamdb.core.sql.parser.ast.SqlShowStorages;
import io.kalamdb.core.sql.parser.ast.SqlSubscribe;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kalamdb.core.sql.parser.Parsing.assertInvalid;
import static io.kalamdb.core.sql.parser.Parsing.names;
import static io.kalamdb.core.sql.parser.Parsing.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flush, jobs, live queries, storages, users, impersonation, backup and maintenance statements. */
class KalamAdminParserTest {

    @Test
    void flushTable() {
        assertEquals(List.of("app", "t"), names(parse("FLUSH TABLE app.t", SqlFlushTable.class).getTableName()));
        assertEquals(List.of("t"), names(parse("STORAGE FLUSH TABLE t", SqlFlushTable.class).getTableName()));
    }

    @Test
    void flushAllTables() {
        assertNull(parse("FLUSH ALL TABLES", SqlFlushAllTables.class).getNamespace());
        assertEquals("app", parse("FLUSH ALL TABLES IN app", SqlFlushAllTables.class).getNamespace());
        assertNull(parse("STORAGE FLUSH ALL", SqlFlushAllTables.class).getNamespace());
        assertEquals("app", parse("STORAGE FLUSH ALL IN app", SqlFlushAllTables.class).getNamespace());
    }

    @Test
    void killJobAndLiveQuery() {
        assertEquals("FL-1234", parse("KILL JOB 'FL-1234'", SqlKillJob.class).getJobId());
        assertEquals("u1-c2-s3", parse("KILL LIVE QUERY 'u1-c2-s3'", SqlKillLiveQuery.class).getLiveId());
    }

    @Test
    void subscribe() {
        final SqlSubscribe full = parse(
            "SUBSCRIBE TO chat.messages WHERE room = 'a' AND id > 10 OPTIONS (last_rows = 100, batch_size = 50)",
            SqlSubscribe.class);
        assertEquals(List.of("chat", "messages"), names(full.getTableName()));
        assertEquals(SqlKind.AND, full.getWhere().getKind());
        assertEquals("`room` = 'a' AND `id` > 10", full.getWhere().toString());
        assertEquals(Map.of("LAST_ROWS", 100L, "BATCH_SIZE", 50L), full.getOptions());

        final SqlSubscribe bare = parse("SUBSCRIBE TO t", SqlSubscribe.class);
        assertEquals(List.of("t"), names(bare.getTableName()));
        assertNull(bare.getWhere());
        assertEquals(Map.of(), bare.getOptions());
    }

    @Test
    void createStorageWithClausesInAnyOrder() {
        final SqlCreateStorage storage = parse("""
            CREATE STORAGE archive TYPE 'filesystem' DESCRIPTION 'cold files' PATH '/data/archive'
              USER_TABLES_TEMPLATE '{namespace}/{tableName}/{userId}' SHARED_TABLES_TEMPLATE '{namespace}/{tableName}'
              CREDENTIALS '{"key":"secret"}'""", SqlCreateStorage.class);
        assertEquals("archive", storage.getStorageId());
        assertEquals("filesystem", storage.getStorageType());
        assertEquals("/data/archive", storage.getPath());
        assertEquals("{namespace}/{tableName}", storage.getSharedTablesTemplate());
        assertEquals("{namespace}/{tableName}/{userId}", storage.getUserTablesTemplate());
        assertEquals("cold files", storage.getDescription());
        assertEquals("{\"key\":\"secret\"}", storage.getCredentials());
        assertFalse(storage.toString().contains("secret"), storage.toString());

        final SqlCreateStorage minimal = parse("CREATE STORAGE s TYPE filesystem PATH '/x'", SqlCreateStorage.class);
        assertEquals("filesystem", minimal.getStorageType());
        assertNull(minimal.getSharedTablesTemplate());
        assertNull(minimal.getUserTablesTemplate());
        assertNull(minimal.getDescription());
        assertNull(minimal.getCredentials());
    }

    @Test
    void createStorageNeedsOnePath() {
        assertInvalid("CREATE STORAGE s TYPE 'filesystem'", "CREATE STORAGE requires a PATH clause at line 1, column 1");
        assertInvalid("CREATE STORAGE s TYPE 'filesystem' PATH '/a' PATH '/b'",
            "Duplicate PATH clause at line 1, column 51");
    }

    @Test
    void alterStorage() {
        final SqlAlterStorage assignments = parse("ALTER STORAGE local SET description = 'main', path = '/data'",
            SqlAlterStorage.class);
        assertEquals("local", assignments.getStorageId());
        assertEquals(List.of("DESCRIPTION", "PATH"), List.copyOf(assignments.getSettings().keySet()));
        assertEquals("main", assignments.getSettings().get("DESCRIPTION"));
        assertEquals("/data", assignments.getSettings().get("PATH"));

        final SqlAlterStorage clauses = parse(
            "ALTER STORAGE s3 SET SHARED_TABLES_TEMPLATE '{namespace}' USER_TABLES_TEMPLATE '{userId}'",
            SqlAlterStorage.class);
        assertEquals(Map.of("SHARED_TABLES_TEMPLATE", "{namespace}", "USER_TABLES_TEMPLATE", "{userId}"),
            clauses.getSettings());
    }

    @Test
    void dropAndShowStorages() {
        final SqlDropStorage drop = parse("DROP STORAGE archive", SqlDropStorage.class);
        assertEquals("archive", drop.getStorageId());
        assertFalse(drop.isIfExists());
        final SqlDropStorage guarded = parse("DROP STORAGE IF EXISTS local", SqlDropStorage.class);
        assertEquals("local", guarded.getStorageId());
        assertTrue(guarded.isIfExists());
        assertEquals("SHOW STORAGES", parse("SHOW STORAGES", SqlShowStorages.class).toString());
    }

    @Test
    void createUser() {
        final SqlCreateUser user = parse(
            "CREATE USER IF NOT EXISTS 'alice' WITH PASSWORD 'S3cret!' ROLE dba EMAIL 'alice@example.com'",
            SqlCreateUser.class);
        assertEquals("alice", user.getUserName());
        assertTrue(user.isIfNotExists());
        assertEquals("S3cret!", user.getPassword());
        assertEquals("dba", user.getRole());
        assertEquals("alice@example.com", user.getEmail());
        assertFalse(user.toString().contains("S3cret!"), user.toString());

        final SqlCreateUser reordered = parse("CREATE USER Bob WITH PASSWORD 'pw' EMAIL 'b@x' ROLE USER",
            SqlCreateUser.class);
        assertEquals("bob", reordered.getUserName());
        assertFalse(reordered.isIfNotExists());
        assertEquals("user", reordered.getRole());
        assertEquals("b@x", reordered.getEmail());

        final SqlCreateUser minimal = parse("CREATE USER 'svc' WITH PASSWORD 'pw'", SqlCreateUser.class);
        assertNull(minimal.getRole());
        assertNull(minimal.getEmail());
        assertEquals("service", parse("CREATE USER 'svc' WITH PASSWORD 'pw' ROLE 'Service'", SqlCreateUser.class)
            .getRole());
    }

    @Test
    void alterUser() {
        final SqlAlterUser password = parse("ALTER USER 'alice' SET PASSWORD 'new'", SqlAlterUser.class);
        assertEquals("alice", password.getUserName());
        assertEquals(SqlAlterUser.Property.PASSWORD, password.getProperty());
        assertEquals("new", password.getValue());

        final SqlAlterUser role = parse("ALTER USER root SET ROLE service", SqlAlterUser.class);
        assertEquals("root", role.getUserName());
        assertEquals(SqlAlterUser.Property.ROLE, role.getProperty());
        assertEquals("service", role.getValue());

        final SqlAlterUser email = parse("ALTER USER 'alice' SET EMAIL 'a@b.c'", SqlAlterUser.class);
        assertEquals(SqlAlterUser.Property.EMAIL, email.getProperty());
        assertEquals("a@b.c", email.getValue());
    }

    @Test
    void dropUser() {
        final SqlDropUser drop = parse("DROP USER 'alice'", SqlDropUser.class);
        assertEquals("alice", drop.getUserName());
        assertFalse(drop.isIfExists());
        final SqlDropUser guarded = parse("DROP USER IF EXISTS bob", SqlDropUser.class);
        assertEquals("bob", guarded.getUserName());
        assertTrue(guarded.isIfExists());
    }

    @Test
    void executeAsUserWrapsAnyStatement() {
        final SqlExecuteAsUser select = parse("EXECUTE AS USER 'u1' (SELECT * FROM app.t WHERE id = 1)",
            SqlExecuteAsUser.class);
        assertEquals("u1", select.getUserId());
        assertInstanceOf(SqlSelect.class, select.getStatement());

        assertInstanceOf(SqlInsert.class,
            parse("EXECUTE AS USER 'u1' (INSERT INTO app.t (id) VALUES (1))", SqlExecuteAsUser.class).getStatement());
        final SqlUpdate update = assertInstanceOf(SqlUpdate.class,
            parse("EXECUTE AS USER 'u1' (UPDATE app.t SET a = 1 WHERE id = 2)", SqlExecuteAsUser.class)
                .getStatement());
        assertEquals(List.of("app", "t"), names((SqlIdentifier) update.getTargetTable()));
        assertInstanceOf(SqlDelete.class,
            parse("EXECUTE AS USER 'u2' (DELETE FROM app.t WHERE id = 3)", SqlExecuteAsUser.class).getStatement());
        assertInstanceOf(SqlFlushTable.class,
            parse("EXECUTE AS USER u3 (FLUSH TABLE app.t)", SqlExecuteAsUser.class).getStatement());
    }

    @Test
    void executeAsUserCannotBeNested() {
        assertInvalid("EXECUTE AS USER 'a' (EXECUTE AS USER 'b' (SELECT 1))",
            "EXECUTE AS USER cannot be nested at line 1, column 22");
    }

    @Test
    void backupAndRestore() {
        final SqlBackupDatabase backup = parse("BACKUP DATABASE app TO '/backups/app'", SqlBackupDatabase.class);
        assertEquals("app", backup.getNamespace());
        assertEquals("/backups/app", backup.getPath());
        final SqlRestoreDatabase restore = parse("RESTORE DATABASE app FROM '/backups/app'", SqlRestoreDatabase.class);
        assertEquals("app", restore.getNamespace());
        assertEquals("/backups/app", restore.getPath());
    }

    @Test
    void showStatsAndClearCache() {
        assertNull(parse("SHOW STATS", SqlShowStats.class).getTableName());
        assertEquals(List.of("app", "t"), names(parse("SHOW STATS FOR TABLE app.t", SqlShowStats.class).getTableName()));
        assertEquals("CLEAR CACHE", parse("clear cache", SqlClearCache.class).toString());
    }
}
