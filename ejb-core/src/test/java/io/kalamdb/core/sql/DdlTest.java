package io.kalamdb.core.sql;

import static io.kalamdb.core.EngineFixture.as;
import static io.kalamdb.core.EngineFixture.root;
import static io.kalamdb.core.EngineFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Namespaces, CREATE / DROP / ALTER / SHOW / DESCRIBE TABLE, and who may run them. */
class DdlTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void namespace() {
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

    private String typeOf(String table) {
        return (String) db.rows(root(), "SHOW TABLES IN app").stream().filter(r -> r.get(1).equals(table))
                .findFirst().orElseThrow().get(2);
    }

    @Test
    void createNamespaceOnceUnlessIfNotExists() {
        assertEquals(1, db.run(root(), "CREATE NAMESPACE chat").rowCount());
        assertEquals(0, db.run(root(), "CREATE NAMESPACE IF NOT EXISTS chat").rowCount());
        assertMessage(db.fails(ErrorCode.ALREADY_EXISTS, root(), "CREATE NAMESPACE chat"), "'chat' already exists");
        assertEquals(List.of("app", "chat", "default"), db.column(root(), "SHOW NAMESPACES"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "information_schema"})
    void reservedNamespacesCannotBeCreatedOrDropped(String name) {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE NAMESPACE " + name), "is reserved");
        db.fails(ErrorCode.INVALID_SQL, root(), "DROP NAMESPACE " + name);
        db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE " + name + ".t (id BIGINT PRIMARY KEY)");
    }

    @Test
    void namespaceNamesAreLowerCaseIdentifiers() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE NAMESPACE \"Chat\""), "Invalid namespace name");
        db.run(root(), "CREATE NAMESPACE Chat_2");
        assertEquals(List.of("app", "chat_2", "default"), db.column(root(), "SHOW NAMESPACES"));
    }

    @Test
    void dropNamespaceIsRefusedWhileItHasTablesAndNamesThem() {
        db.run(root(), "CREATE TABLE app.a (id BIGINT PRIMARY KEY)");
        db.run(root(), "CREATE USER TABLE app.b (id BIGINT PRIMARY KEY)");
        KalamException e = db.fails(ErrorCode.SQL_EXECUTION_ERROR, root(), "DROP NAMESPACE app");
        assertMessage(e, "it has 2 table(s) (a, b)");
        assertMessage(e, "DROP NAMESPACE app CASCADE");
        assertEquals(List.of("a", "b"), db.column(root(), "SELECT table_name FROM system.tables ORDER BY table_name"));
    }

    @Test
    void dropNamespaceCascadeDropsItsTablesAndTheirRows() {
        db.run(root(), "CREATE TABLE app.a (id BIGINT PRIMARY KEY)");
        db.run(root(), "INSERT INTO app.a VALUES (1)");
        assertEquals("Namespace 'app' dropped with 1 table(s)", db.run(root(), "DROP NAMESPACE app CASCADE").message());
        assertEquals(List.of("default"), db.column(root(), "SHOW NAMESPACES"));

        db.run(root(), "CREATE NAMESPACE app");
        db.run(root(), "CREATE TABLE app.a (id BIGINT PRIMARY KEY)");
        assertEquals(List.of(), db.rows(root(), "SELECT * FROM app.a"));
    }

    @Test
    void dropOfAMissingNamespace() {
        db.fails(ErrorCode.NAMESPACE_NOT_FOUND, root(), "DROP NAMESPACE nowhere");
        assertEquals(0, db.run(root(), "DROP NAMESPACE IF EXISTS nowhere").rowCount());
        db.run(root(), "DROP NAMESPACE app");
        db.fails(ErrorCode.NAMESPACE_NOT_FOUND, root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
    }

    @Test
    void showNamespacesCountsTables() {
        db.run(root(), "CREATE NAMESPACE spare");
        db.run(root(), "CREATE TABLE app.a (id BIGINT PRIMARY KEY)");
        StatementResult r = db.run(root(), "SHOW NAMESPACES");
        assertEquals(List.of("namespace_id", "table_count", "created_at"),
                r.schema().stream().map(ResultColumn::name).toList());
        assertEquals(List.of("app", 1), db.rows(root(), "SHOW NAMESPACES").get(0).subList(0, 2));
        assertEquals(List.of("spare", 0), db.rows(root(), "SHOW NAMESPACES").get(2).subList(0, 2));
    }

    @Test
    void tableTypeComesFromTheKeywordOrTheTypeOptionAndDefaultsToShared() {
        db.run(root(), "CREATE TABLE app.plain (id BIGINT PRIMARY KEY)");
        db.run(root(), "CREATE USER TABLE app.mine (id BIGINT PRIMARY KEY)");
        db.run(root(), "CREATE TABLE app.opt (id BIGINT PRIMARY KEY) WITH (TYPE = 'USER')");
        db.run(root(), "CREATE STREAM TABLE app.events (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 60)");
        assertEquals("shared", typeOf("plain"));
        assertEquals("user", typeOf("mine"));
        assertEquals("user", typeOf("opt"));
        assertEquals("stream", typeOf("events"));
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE USER TABLE app.x (id BIGINT PRIMARY KEY) WITH (TYPE = 'SHARED')"), "conflicts with");
    }

    @Test
    void ttlSecondsIsRequiredForStreamTablesAndRefusedOtherwise() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE STREAM TABLE app.s (id BIGINT PRIMARY KEY)"),
                "STREAM tables require TTL_SECONDS");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE USER TABLE app.u (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 60)"),
                "TTL_SECONDS is only allowed on STREAM tables");
        db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 60)");
        db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE STREAM TABLE app.s (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 0)");
        db.run(root(), "CREATE STREAM TABLE app.s (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 3600)");
        assertEquals(List.of(3600L), db.column(root(), "SELECT ttl_seconds FROM system.tables WHERE table_name = 's'"));
    }

    @Test
    void accessLevelIsOnlyForSharedTables() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE USER TABLE app.u (id BIGINT PRIMARY KEY) WITH (ACCESS_LEVEL = 'public')"),
                "ACCESS_LEVEL is only allowed on SHARED tables");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (ACCESS_LEVEL = 'everyone')"),
                "Invalid ACCESS_LEVEL");
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (ACCESS_LEVEL = 'public')");
        db.run(root(), "CREATE TABLE app.d (id BIGINT PRIMARY KEY)");
        assertEquals(List.of("private", "public"),
                db.column(root(), "SELECT access_level FROM system.tables ORDER BY table_name"));
    }

    @Test
    void unknownOrMalformedOptionsAreInvalidSql() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (COLOUR = 'red')"), "Unknown table option 'COLOUR'");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (FLUSH_POLICY = 'often')"), "Invalid FLUSH_POLICY");
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (FLUSH_POLICY = 'rows:100,interval:30', "
                + "DELETED_RETENTION_HOURS = 24, STORAGE_ID = 'local')");
        assertEquals(List.of("rows:100,interval:30"), db.column(root(), "SELECT flush_policy FROM system.tables"));
    }

    @Test
    void storageOtherThanLocalIsRefused() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE TABLE app.t (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 's3_archive')"),
                "Storage 's3_archive' does not exist");
    }

    @Test
    void primaryKeyMustBeExactlyOneBigintOrTextColumn() {
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE app.t (id BIGINT, v TEXT)"),
                "needs exactly one PRIMARY KEY column");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(),
                "CREATE TABLE app.t (a BIGINT PRIMARY KEY, b TEXT PRIMARY KEY)"), "found 2");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE app.t (id INT PRIMARY KEY)"),
                "must be BIGINT or TEXT, not INT");
        db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE app.t (id UUID PRIMARY KEY)");
        db.run(root(), "CREATE TABLE app.by_text (code VARCHAR(16), label TEXT, PRIMARY KEY (code))");
        assertEquals(List.of(List.of("code", true)), db.rows(root(),
                "SELECT column_name, is_primary_key FROM system.columns WHERE table_name = 'by_text' AND is_primary_key"));
    }

    @Test
    void columnNamesMustBeUniqueAndNotSystemColumns() {
        db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, a INT, a TEXT)");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, _seq BIGINT)"),
                "reserved for a system column");
        db.fails(ErrorCode.INVALID_SQL, root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, _deleted BOOLEAN)");
    }

    @Test
    void createTableTwiceUnlessIfNotExists() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        db.fails(ErrorCode.ALREADY_EXISTS, root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        assertEquals(0, db.run(root(), "CREATE TABLE IF NOT EXISTS app.t (id TEXT PRIMARY KEY)").rowCount());
        assertEquals(List.of("BIGINT"), db.column(root(), "SELECT data_type FROM system.columns"));
    }

    @Test
    void dropTableRemovesItAndItsRows() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        db.run(root(), "INSERT INTO app.t VALUES (1)");
        assertEquals("Table app.t dropped", db.run(root(), "DROP TABLE app.t").message());
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "SELECT * FROM app.t");
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "DROP TABLE app.t");
        assertEquals(0, db.run(root(), "DROP TABLE IF EXISTS app.t").rowCount());

        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        assertEquals(List.of(), db.rows(root(), "SELECT * FROM app.t"));
    }

    @Test
    void dropTableWithATypeKeywordMustMatchTheTable() {
        db.run(root(), "CREATE USER TABLE app.u (id BIGINT PRIMARY KEY)");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "DROP SHARED TABLE app.u"),
                "is a USER table, not SHARED");
        db.fails(ErrorCode.INVALID_SQL, root(), "DROP STREAM TABLE app.u");
        db.run(root(), "DROP USER TABLE app.u");
        assertEquals(List.of(), db.rows(root(), "SHOW TABLES IN app"));
    }

    @Test
    void showTablesListsTheNamespacesTables() {
        db.run(root(), "CREATE TABLE app.b (id BIGINT PRIMARY KEY)");
        db.run(root(), "CREATE USER TABLE app.a (id TEXT PRIMARY KEY)");
        StatementResult r = db.run(root(), "SHOW TABLES IN app");
        assertEquals(List.of("namespace_id", "table_name", "table_type", "storage_id", "schema_version", "created_at"),
                r.schema().stream().map(ResultColumn::name).toList());
        List<List<Object>> rows = db.rows(root(), "SHOW TABLES IN app");
        assertEquals(List.of("app", "a", "user", "local", 1), rows.get(0).subList(0, 5));
        assertEquals(List.of("app", "b", "shared", "local", 1), rows.get(1).subList(0, 5));
        assertEquals(rows, db.rows(root(), "USE app; SHOW TABLES"));
        db.fails(ErrorCode.NAMESPACE_NOT_FOUND, root(), "SHOW TABLES IN nowhere");
    }

    @Test
    void describeTableListsColumnsInOrder() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, name TEXT NOT NULL COMMENT 'display name', "
                + "score DECIMAL(5,1) DEFAULT 0)");
        assertEquals(List.of(
                List.of("id", 1, "BIGINT", false, true),
                List.of("name", 2, "TEXT", false, false),
                List.of("score", 3, "DECIMAL(5,1)", true, false)),
                db.rows(root(), "DESCRIBE TABLE app.t").stream().map(r -> r.subList(0, 5)).toList());
        List<Object> score = db.rows(root(), "DESC TABLE app.t").get(2);
        assertEquals("0", score.get(5));
        assertEquals("display name", db.rows(root(), "DESCRIBE TABLE app.t").get(1).get(6));
        db.fails(ErrorCode.TABLE_NOT_FOUND, root(), "DESCRIBE TABLE app.nope");
    }

    @Test
    void addColumnReadsNullInOldRowsAndDefaultsInNewOnes() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, name TEXT)");
        db.run(root(), "INSERT INTO app.t VALUES (1, 'old')");
        assertEquals("Table app.t altered (schema version 2)",
                db.run(root(), "ALTER TABLE app.t ADD COLUMN status TEXT DEFAULT 'new'").message());
        db.run(root(), "INSERT INTO app.t (id, name) VALUES (2, 'fresh')");

        assertEquals(List.of(Arrays.asList(1L, "old", null), List.of(2L, "fresh", "new")),
                db.rows(root(), "SELECT * FROM app.t ORDER BY id"));
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t ADD COLUMN must INT NOT NULL"),
                "cannot add a PRIMARY KEY or NOT NULL column");
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t ADD COLUMN name TEXT");
    }

    @Test
    void dropColumnHidesItsValuesAndReAddingDoesNotBringThemBack() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, secret TEXT, keep TEXT)");
        db.run(root(), "INSERT INTO app.t VALUES (1, 's', 'k')");
        db.run(root(), "ALTER TABLE app.t DROP COLUMN secret");

        assertEquals(List.of(List.of(1L, "k")), db.rows(root(), "SELECT * FROM app.t"));
        db.fails(ErrorCode.INVALID_SQL, root(), "SELECT secret FROM app.t");
        db.run(root(), "ALTER TABLE app.t ADD COLUMN secret TEXT");
        assertEquals(Arrays.asList(1L, "k", null), db.rows(root(), "SELECT * FROM app.t").get(0));
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t DROP COLUMN id"),
                "Cannot drop primary key column");
    }

    @Test
    void modifyColumnWideningKeepsOldRowsReadable() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, n SMALLINT, f FLOAT)");
        db.run(root(), "INSERT INTO app.t VALUES (1, 7, 1.5)");
        db.run(root(), "ALTER TABLE app.t MODIFY COLUMN n BIGINT");
        db.run(root(), "ALTER TABLE app.t MODIFY f DOUBLE");
        db.run(root(), "INSERT INTO app.t VALUES (2, 9000000000, 2.5)");

        assertEquals(List.of(List.of(1L, 7L, 1.5d), List.of(2L, 9_000_000_000L, 2.5d)),
                db.rows(root(), "SELECT id, n, f FROM app.t ORDER BY id"));
        assertEquals(List.of(7L), db.column(root(), "SELECT n FROM app.t WHERE id = 1"));
        assertEquals(List.of(1L), db.column(root(), "SELECT id FROM app.t WHERE n = 7"));
    }

    @Test
    void modifyColumnNarrowingOrRetypingIsRefused() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, n INT, s TEXT, d DECIMAL(10,2))");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t MODIFY COLUMN n SMALLINT"),
                "only widening conversions are allowed");
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t MODIFY COLUMN s INT");
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t MODIFY COLUMN d DECIMAL(8,2)");
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t MODIFY COLUMN d DECIMAL(12,3)");
        db.run(root(), "ALTER TABLE app.t MODIFY COLUMN d DECIMAL(12,2)");
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t MODIFY COLUMN id TEXT");
    }

    @Test
    void modifyColumnMayDropNotNullButNotAddIt() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, a TEXT NOT NULL, b TEXT)");
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t MODIFY COLUMN b TEXT NOT NULL"),
                "Cannot make column 'b' NOT NULL");
        db.run(root(), "ALTER TABLE app.t MODIFY COLUMN a TEXT NULL");
        db.run(root(), "INSERT INTO app.t (id) VALUES (1)");
        assertEquals(List.of(true), db.column(root(),
                "SELECT is_nullable FROM system.columns WHERE column_name = 'a'"));
    }

    @Test
    void setTblpropertiesChangesOptionsButNotTheType() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        db.run(root(), "ALTER TABLE app.t SET TBLPROPERTIES (ACCESS_LEVEL = 'public', FLUSH_POLICY = 'rows:10')");
        assertEquals(List.of(List.of("public", "rows:10", 2)),
                db.rows(root(), "SELECT access_level, flush_policy, schema_version FROM system.tables"));
        assertMessage(db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t SET TBLPROPERTIES (TYPE = 'USER')"),
                "The table type cannot be changed");
        db.fails(ErrorCode.INVALID_SQL, root(), "ALTER TABLE app.t SET TBLPROPERTIES (TTL_SECONDS = 5)");
    }

    @Test
    void describeHistoryListsEverySchemaVersion() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY, n SMALLINT)");
        db.run(root(), "ALTER TABLE app.t ADD COLUMN note TEXT");
        db.run(root(), "ALTER TABLE app.t MODIFY COLUMN n INT");
        db.run(root(), "ALTER TABLE app.t DROP COLUMN note");

        List<List<Object>> history = db.rows(root(), "DESCRIBE TABLE app.t HISTORY");
        assertEquals(List.of(
                List.of(1, "id BIGINT, n SMALLINT"),
                List.of(2, "id BIGINT, n SMALLINT, note TEXT"),
                List.of(3, "id BIGINT, n INT, note TEXT"),
                List.of(4, "id BIGINT, n INT")),
                history.stream().map(r -> List.of(r.get(0), r.get(2))).toList());
    }

    @Test
    void schemaChangesAreSeenByTheNextQuery() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        db.run(root(), "INSERT INTO app.t VALUES (1)");
        assertEquals(1, db.run(root(), "SELECT * FROM app.t").schema().size());
        db.run(root(), "ALTER TABLE app.t ADD COLUMN extra TEXT");
        assertEquals(2, db.run(root(), "SELECT * FROM app.t").schema().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE NAMESPACE mine",
        "DROP NAMESPACE app",
        "CREATE TABLE app.t2 (id BIGINT PRIMARY KEY)",
        "DROP TABLE app.t",
        "ALTER TABLE app.t ADD COLUMN x TEXT",
        "ALTER TABLE app.t SET TBLPROPERTIES (ACCESS_LEVEL = 'public')",
        "CREATE USER eve WITH PASSWORD 'pw-secret-1'",
        "ALTER USER root SET ROLE user",
        "DROP USER root"
    })
    void roleUserMayNotChangeTheSchemaOrManageUsers(String sql) {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        db.fails(ErrorCode.PERMISSION_DENIED, user("alice"), sql);
        db.fails(ErrorCode.PERMISSION_DENIED, as("svc", Role.SERVICE), sql);
        assertEquals(List.of("t"), db.column(root(), "SELECT table_name FROM system.tables"));
    }

    @Test
    void roleDbaMayChangeTheSchema() {
        SqlSession dba = as("admin", Role.DBA);
        db.run(dba, "CREATE NAMESPACE ops");
        db.run(dba, "CREATE TABLE ops.t (id BIGINT PRIMARY KEY)");
        db.run(dba, "DROP NAMESPACE ops CASCADE");
        assertEquals(List.of("app", "default"), db.column(dba, "SHOW NAMESPACES"));
    }

    @Test
    void everyRoleMayListAndDescribeTables() {
        db.run(root(), "CREATE TABLE app.t (id BIGINT PRIMARY KEY)");
        assertEquals(List.of("t"), db.rows(user("alice"), "SHOW TABLES IN app").stream().map(r -> r.get(1)).toList());
        assertEquals(List.of("id"), db.column(user("alice"), "DESCRIBE TABLE app.t"));
    }
}
