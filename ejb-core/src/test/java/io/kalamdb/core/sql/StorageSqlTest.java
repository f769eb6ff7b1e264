package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.as;
import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.storage.StorageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CREATE / ALTER / DROP STORAGE, SHOW STORAGES, {@code system.storages} and STORAGE_ID on tables. */
class StorageSqlTest {
    private static final String COLUMNS = "[storage_id, storage_name, description, storage_type, base_directory, "
            + "credentials, shared_tables_template, user_tables_template, created_at, updated_at]";

    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
        db.run(root(), "CREATE NAMESPACE app");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void assertMessage(KalamException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /** @return SHOW STORAGES without the two time columns */
    private List<List<Object>> storages() {
        return db.rows(root(), "SHOW STORAGES").stream().map(r -> r.subList(0, 8)).toList();
    }

    @Test
    void localExistsFromTheStartAndShowStoragesListsItFirstThenByName() {
        StatementResult show = db.run(root(), "SHOW STORAGES");
        assertEquals(COLUMNS, show.schema().stream().map(ResultColumn::name).toList().toString());
        assertEquals(List.of(Arrays.asList("local", "local", "Local filesystem storage", "filesystem", "storage", null,
                "{namespace}/{tableName}", "{namespace}/{tableName}/{userId}")), storages());
        db.run(root(), "CREATE STORAGE zeta TYPE 'filesystem' PATH 'zeta'");
        db.run(root(), "CREATE STORAGE archive TYPE filesystem PATH 'cold/archive' DESCRIPTION 'Old rows'"
                + " SHARED_TABLES_TEMPLATE 'shared/{namespace}/{tableName}'"
                + " USER_TABLES_TEMPLATE 'users/{namespace}/{tableName}/{shard}/{userId}'");
        assertEquals(List.of("local", "archive", "zeta"), db.column(root(), "SHOW STORAGES"));
        assertEquals(Arrays.asList("archive", "archive", "Old rows", "filesystem", "cold/archive", null,
                "shared/{namespace}/{tableName}", "users/{namespace}/{tableName}/{shard}/{userId}"),
                storages().get(1));
        assertEquals(Arrays.asList("zeta", "zeta", null, "filesystem", "zeta", null, "{namespace}/{tableName}",
                "{namespace}/{tableName}/{userId}"), storages().get(2));
        assertTrue(Files.isDirectory(dir.resolve("cold/archive")));
        assertTrue(Files.isDirectory(dir.resolve("zeta")));
    }

    @Test
    void systemStoragesHasTheSameRowsAsShowStorages() {
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive'");
        List<List<Object>> view = db.rows(root(), "SELECT * FROM system.storages");
        List<List<Object>> show = db.rows(root(), "SHOW STORAGES");
        assertEquals(show, view);
        long created = (Long) view.get(1).get(8);
        assertEquals(created, view.get(1).get(9));
        assertEquals(0, created % 1000, "TIMESTAMP values are epoch microseconds of whole milliseconds");
    }

    @Test
    void credentialsAreMaskedForEveryoneIncludingRoot() {
        db.run(root(), "CREATE STORAGE vault TYPE 'filesystem' PATH 'vault' CREDENTIALS '{\"token\": \"hunter2\"}'");
        assertEquals(List.of(Arrays.asList("local", null), List.of("vault", "***")),
                db.rows(root(), "SELECT storage_id, credentials FROM system.storages"));
        assertEquals(List.of(Arrays.asList("local", null), List.of("vault", "***")),
                db.rows(as("admin", Role.DBA), "SHOW STORAGES").stream().map(r -> Arrays.asList(r.get(0), r.get(5)))
                        .toList());
        assertEquals(List.of(), db.column(root(), "SELECT storage_id FROM system.storages WHERE credentials "
                + "LIKE '%hunter2%'"));
        assertEquals("{\"token\":\"hunter2\"}",
                db.engine().storages().get(new StorageId("vault")).credentials());
    }

    @Test
    void createStorageRefusesOtherTypesBadValuesAndDuplicates() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE STORAGE s3 TYPE 's3' PATH 's3://bucket/kalam'"),
                "Storage type 's3' is not supported: only 'filesystem'");
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive'");
        assertMessage(db.fails(ErrorCode.ALREADY_EXISTS, root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'x'"),
                "Storage 'archive' already exists");
        assertMessage(db.fails(ErrorCode.ALREADY_EXISTS, root(), "CREATE STORAGE local TYPE 'filesystem' PATH 'x'"),
                "'local' already exists");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE STORAGE bad TYPE 'filesystem' PATH 'b' USER_TABLES_TEMPLATE '{namespace}/{tableName}'"),
                "must contain {userId}");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE STORAGE bad TYPE 'filesystem' PATH 'b' SHARED_TABLES_TEMPLATE '../{namespace}/{tableName}'"),
                "'..' is not allowed");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE STORAGE bad TYPE 'filesystem' PATH 'b' "
                + "CREDENTIALS 'secret'"), "CREDENTIALS must be a JSON object");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE STORAGE bad TYPE 'filesystem' PATH 'rocksdb'"),
                "overlaps the RocksDB directory");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE STORAGE bad TYPE 'filesystem' PATH 's3://b'"),
                "is a URI");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE STORAGE \"Bad\" TYPE 'filesystem' PATH 'b'"),
                "Invalid storage id 'Bad'");
        assertEquals(List.of("local", "archive"), db.column(root(), "SHOW STORAGES"));
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void alterStorageChangesSettingsAndKeepsTheCreationTime() throws InterruptedException {
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive' CREDENTIALS '{\"k\":1}'");
        Object created = db.rows(root(), "SHOW STORAGES").get(1).get(8);
        Thread.sleep(2);
        assertEquals(1, db.run(root(), "ALTER STORAGE archive SET DESCRIPTION = 'Old rows', PATH = 'cold', "
                + "USER_TABLES_TEMPLATE = '{namespace}/{tableName}/{shard}/{userId}'").rowCount());
        List<Object> row = db.rows(root(), "SHOW STORAGES").get(1);
        assertEquals(Arrays.asList("archive", "archive", "Old rows", "filesystem", "cold", "***",
                "{namespace}/{tableName}", "{namespace}/{tableName}/{shard}/{userId}"), row.subList(0, 8));
        assertEquals(created, row.get(8));
        assertNotEquals(created, row.get(9));
        assertTrue(Files.isDirectory(dir.resolve("cold")));
        db.run(root(), "ALTER STORAGE archive SET CREDENTIALS '' DESCRIPTION ''");
        assertEquals(Arrays.asList(null, null), Arrays.asList(storages().get(1).get(2), storages().get(1).get(5)));
        db.run(root(), "ALTER STORAGE local SET DESCRIPTION 'Main disk'");
        assertEquals("Main disk", storages().get(0).get(2));
    }

    @Test
    void alterStorageRefusesTypeUnknownKeysBadValuesAndUnknownStorages() {
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive'");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "ALTER STORAGE archive SET TYPE = 's3'"),
                "type of a storage cannot be changed");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "ALTER STORAGE archive SET COLOUR = 'red'"),
                "Unknown storage setting 'COLOUR'");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "ALTER STORAGE archive SET SHARED_TABLES_TEMPLATE = '{tableName}/{namespace}'"),
                "{namespace} must come before {tableName}");
        assertMessage(db.fails(ErrorCode.NOT_FOUND, root(), "ALTER STORAGE nope SET DESCRIPTION = 'x'"),
                "Storage 'nope' does not exist");
        assertEquals(Arrays.asList("archive", "archive", null, "filesystem", "archive", null,
                "{namespace}/{tableName}", "{namespace}/{tableName}/{userId}"), storages().get(1));
    }

    @Test
    void pathAndTemplatesCannotChangeWhileTablesUseTheStorageButTheDescriptionCan() {
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive'");
        db.run(root(), "CREATE TABLE app.logs (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'archive')");
        KalamException e = db.fails(ErrorCode.SQL_EXECUTION_ERROR, root(), "ALTER STORAGE archive SET PATH = 'new'");
        assertMessage(e, "Cannot change the PATH or templates of storage 'archive': 1 table(s) use it (app.logs)");
        db.fails(ErrorCode.SQL_EXECUTION_ERROR, root(),
                "ALTER STORAGE archive SET SHARED_TABLES_TEMPLATE = 'v2/{namespace}/{tableName}'");
        db.run(root(), "ALTER STORAGE archive SET DESCRIPTION = 'Still here', PATH = 'archive'");
        assertEquals(List.of("Still here", "filesystem", "archive"), storages().get(1).subList(2, 5));
    }

    @Test
    void dropStorageIsRefusedForLocalAndWhileTablesUseItNamingThem() {
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive'");
        db.run(root(), "CREATE NAMESPACE aaa");
        for (int i = 11; i >= 1; i--) {
            db.run(root(), String.format("CREATE TABLE app.t%02d (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'archive')", i));
        }
        db.run(root(), "CREATE USER TABLE aaa.z (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'archive')");
        db.run(root(), "CREATE TABLE app.elsewhere (id BIGINT PRIMARY KEY)");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "DROP STORAGE local"),
                "The built-in storage 'local' cannot be dropped");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "DROP STORAGE IF EXISTS local"), "cannot be dropped");
        KalamException e = db.fails(ErrorCode.SQL_EXECUTION_ERROR, root(), "DROP STORAGE archive");
        assertEquals("Cannot drop storage 'archive': 12 table(s) use it (aaa.z, app.t01, app.t02, app.t03, app.t04, "
                + "app.t05, app.t06, app.t07, app.t08, app.t09 and 2 more); drop them first", e.getMessage());
        db.run(root(), "DROP NAMESPACE app CASCADE");
        assertMessage(db.fails(ErrorCode.SQL_EXECUTION_ERROR, root(), "DROP STORAGE archive"),
                "1 table(s) use it (aaa.z)");
        db.run(root(), "DROP TABLE aaa.z");
        assertEquals(1, db.run(root(), "DROP STORAGE archive").rowCount());
        assertEquals(List.of("local"), db.column(root(), "SHOW STORAGES"));
        assertTrue(Files.isDirectory(dir.resolve("archive")), "dropping a storage leaves its directory");
    }

    @Test
    void droppingAnUnknownStorageIsNotFoundUnlessIfExists() {
        assertMessage(db.fails(ErrorCode.NOT_FOUND, root(), "DROP STORAGE nope"), "Storage 'nope' does not exist");
        assertEquals(0, db.run(root(), "DROP STORAGE IF EXISTS nope").rowCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE STORAGE s TYPE 'filesystem' PATH 's'", "ALTER STORAGE local SET DESCRIPTION 'x'",
        "DROP STORAGE local", "DROP STORAGE IF EXISTS nope", "SHOW STORAGES", "SELECT * FROM system.storages"})
    void onlyDbaAndSystemMaySeeOrChangeStorages(String sql) {
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), sql);
        db.fails(ErrorCode.PERMISSION_DENIED, as("svc", Role.SERVICE), sql);
        assertEquals(List.of("local"), db.column(as("admin", Role.DBA), "SHOW STORAGES"));
        assertFalse(Files.exists(dir.resolve("s")));
    }

    @Test
    void aDbaMayCreateAndDropStorages() {
        db.run(as("admin", Role.DBA), "CREATE STORAGE mine TYPE 'filesystem' PATH 'mine'");
        db.run(as("admin", Role.DBA), "DROP STORAGE mine");
        assertEquals(List.of("local"), db.column(root(), "SHOW STORAGES"));
    }

    @Test
    void createTableMustNameAnExistingStorage() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'archive')"),
                "Storage 'archive' does not exist");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'Archive')"),
                "Invalid storage id 'Archive'");
        assertEquals(List.of(), db.column(root(), "SELECT table_id FROM system.tables"));
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive'");
        db.run(root(), "CREATE USER TABLE app.t (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'archive')");
        db.run(root(), "CREATE TABLE app.u (id BIGINT PRIMARY KEY)");
        assertEquals(List.of(List.of("app.t", "archive"), List.of("app.u", "local")),
                db.rows(root(), "SELECT table_id, storage_id FROM system.tables ORDER BY table_id"));
    }

    @Test
    void aTableCannotMoveToAnotherStorage() {
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive'");
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "ALTER TABLE app.t SET TBLPROPERTIES (STORAGE_ID = 'archive')"),
                "The storage of a table cannot be changed (it is 'local')");
        db.run(root(), "ALTER TABLE app.t SET TBLPROPERTIES (STORAGE_ID = 'local', FLUSH_POLICY = 'rows:5')");
        assertEquals(List.of(List.of("local", "rows:5")),
                db.rows(root(), "SELECT storage_id, flush_policy FROM system.tables"));
    }

    @Test
    void storagesSurviveARestart() {
        db.run(root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive' DESCRIPTION 'Old rows' "
                + "CREDENTIALS '{\"k\":\"v\"}'");
        List<List<Object>> before = db.rows(root(), "SHOW STORAGES");
        db.restart();
        assertEquals(before, db.rows(root(), "SHOW STORAGES"));
        db.fails(ErrorCode.INVALID_SQL, root(), "DROP STORAGE local");
    }
}
