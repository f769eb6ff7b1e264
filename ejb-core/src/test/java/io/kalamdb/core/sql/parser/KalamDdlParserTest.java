package io.kalamdb.core.sql.parser;

import io.kalamdb.core.sql.parser.ast.SqlAlterTableAddColumn;
import io.kalamdb.core.sql.parser.ast.SqlAlterTableDropColumn;
import io.kalamdb.core.sql.parser.ast.SqlAlterTableModifyColumn;
import io.kalamdb.core.sql.parser.ast.SqlAlterTableSetProperties;
import io.kalamdb.core.sql.parser.ast.SqlCreateKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlCreateNamespace;
import io.kalamdb.core.sql.parser.ast.SqlDescribeKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlDropKalamTable;
import io.kalamdb.core.sql.parser.ast.SqlDropNamespace;
import io.kalamdb.core.sql.parser.ast.SqlKalamColumn;
import io.kalamdb.core.sql.parser.ast.SqlShowNamespaces;
import io.kalamdb.core.sql.parser.ast.SqlShowTables;
import io.kalamdb.core.sql.parser.ast.SqlUseNamespace;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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

/** Namespace and table statements. */
class KalamDdlParserTest {

    @Test
    void createNamespace() {
        final SqlCreateNamespace plain = parse("CREATE NAMESPACE App", SqlCreateNamespace.class);
        assertEquals("app", plain.getNamespace());
        assertFalse(plain.isIfNotExists());

        final SqlCreateNamespace guarded = parse("create namespace if not exists \"MyNs\"", SqlCreateNamespace.class);
        assertEquals("MyNs", guarded.getNamespace());
        assertTrue(guarded.isIfNotExists());
    }

    @Test
    void dropNamespace() {
        final SqlDropNamespace plain = parse("DROP NAMESPACE app", SqlDropNamespace.class);
        assertEquals("app", plain.getNamespace());
        assertFalse(plain.isIfExists());
        assertFalse(plain.isCascade());

        final SqlDropNamespace full = parse("DROP NAMESPACE IF EXISTS app CASCADE", SqlDropNamespace.class);
        assertEquals("app", full.getNamespace());
        assertTrue(full.isIfExists());
        assertTrue(full.isCascade());
    }

    @Test
    void showNamespacesAndUse() {
        assertEquals("SHOW NAMESPACES", parse("show namespaces", SqlShowNamespaces.class).toString());
        assertEquals("app", parse("USE app", SqlUseNamespace.class).getNamespace());
        assertEquals("app", parse("USE NAMESPACE app", SqlUseNamespace.class).getNamespace());
        assertEquals("namespace", parse("USE namespace", SqlUseNamespace.class).getNamespace());
        assertEquals("system", parse("USE system", SqlUseNamespace.class).getNamespace());
    }

    @Test
    void createTableWithColumnsAndOptions() {
        final SqlCreateKalamTable table = parse("""
            CREATE USER TABLE IF NOT EXISTS chat.Messages (
              id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(),
              room VARCHAR(255) NOT NULL COMMENT 'room id',
              body TEXT NULL,
              price DECIMAL(10, 2) DEFAULT 0 NOT NULL,
              vec EMBEDDING(384),
              created TIMESTAMP DEFAULT NOW()
            ) WITH (TYPE = 'USER', storage_id = 'local', TTL_SECONDS = 3600, ratio = 1.5, use_user_storage = true,
                    delta = -1)""", SqlCreateKalamTable.class);
        assertEquals("USER", table.getTableKind());
        assertTrue(table.isIfNotExists());
        assertEquals(List.of("chat", "messages"), names(table.getName()));
        assertEquals(6, table.getColumns().size());

        final SqlKalamColumn id = table.getColumns().get(0);
        assertEquals("id", id.getName());
        assertEquals("BIGINT", id.getTypeName());
        assertEquals(List.of(), id.getTypeParams());
        assertTrue(id.isPrimaryKey());
        assertNull(id.getNotNull());
        assertEquals("`snowflake_id`()", id.getDefaultExpr().toString());

        final SqlKalamColumn room = table.getColumns().get(1);
        assertEquals("VARCHAR", room.getTypeName());
        assertEquals(List.of(255), room.getTypeParams());
        assertEquals(Boolean.TRUE, room.getNotNull());
        assertFalse(room.isPrimaryKey());
        assertEquals("room id", room.getComment());
        assertNull(room.getDefaultExpr());

        final SqlKalamColumn body = table.getColumns().get(2);
        assertEquals("TEXT", body.getTypeName());
        assertEquals(Boolean.FALSE, body.getNotNull());

        final SqlKalamColumn price = table.getColumns().get(3);
        assertEquals("DECIMAL", price.getTypeName());
        assertEquals(List.of(10, 2), price.getTypeParams());
        assertEquals(Boolean.TRUE, price.getNotNull());
        assertEquals("0", price.getDefaultExpr().toString());

        final SqlKalamColumn vec = table.getColumns().get(4);
        assertEquals("EMBEDDING", vec.getTypeName());
        assertEquals(List.of(384), vec.getTypeParams());

        assertEquals("`now`()", table.getColumns().get(5).getDefaultExpr().toString());

        final Map<String, Object> options = table.getOptions();
        assertEquals(List.of("TYPE", "STORAGE_ID", "TTL_SECONDS", "RATIO", "USE_USER_STORAGE", "DELTA"),
            List.copyOf(options.keySet()));
        assertEquals("USER", options.get("TYPE"));
        assertEquals("local", options.get("STORAGE_ID"));
        assertEquals(3600L, options.get("TTL_SECONDS"));
        assertEquals(new BigDecimal("1.5"), options.get("RATIO"));
        assertEquals(Boolean.TRUE, options.get("USE_USER_STORAGE"));
        assertEquals(-1L, options.get("DELTA"));
    }

    @Test
    void createTableKindsAndPlainForm() {
        assertEquals("SHARED", parse("CREATE SHARED TABLE t (a INT)", SqlCreateKalamTable.class).getTableKind());
        assertEquals("STREAM", parse("CREATE STREAM TABLE t (a INT) WITH (TTL_SECONDS = 10)",
            SqlCreateKalamTable.class).getTableKind());

        final SqlCreateKalamTable plain = parse("CREATE TABLE t (a INT) WITH (TYPE = 'SHARED')",
            SqlCreateKalamTable.class);
        assertNull(plain.getTableKind());
        assertFalse(plain.isIfNotExists());
        assertEquals(List.of("t"), names(plain.getName()));
        assertEquals(Map.of("TYPE", "SHARED"), plain.getOptions());

        assertEquals(Map.of(), parse("CREATE TABLE t (a INT)", SqlCreateKalamTable.class).getOptions());
    }

    @Test
    void typeNamesAreCapturedAsWritten() {
        final SqlCreateKalamTable table = parse("""
            CREATE TABLE t (a DOUBLE PRECISION, b TIMESTAMP WITH TIME ZONE, c CHARACTER VARYING(20), d json,
              e JSONB, f UUID, g FILE, h BYTEA, i INT8, j SERIAL, k DATETIME, l BOOL, m TIMESTAMP(3),
              n "text", o FLOAT, p TIMESTAMP WITHOUT TIME ZONE, q TIMESTAMP WITH LOCAL TIME ZONE)""",
            SqlCreateKalamTable.class);
        final List<String> types = table.getColumns().stream().map(SqlKalamColumn::getTypeName).toList();
        assertEquals(List.of("DOUBLE PRECISION", "TIMESTAMP WITH TIME ZONE", "CHARACTER VARYING", "JSON", "JSONB",
            "UUID", "FILE", "BYTEA", "INT8", "SERIAL", "DATETIME", "BOOL", "TIMESTAMP", "TEXT", "FLOAT",
            "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE"), types);
        assertEquals(List.of(20), table.getColumns().get(2).getTypeParams());
        assertEquals(List.of(3), table.getColumns().get(12).getTypeParams());
    }

    @Test
    void defaultExpressions() {
        final SqlCreateKalamTable table = parse("""
            CREATE TABLE t (a TIMESTAMP DEFAULT CURRENT_TIMESTAMP, b TEXT DEFAULT 'x' NOT NULL, c INT DEFAULT 42,
              d INT DEFAULT -1, e BOOLEAN DEFAULT TRUE, f INT DEFAULT 1 + 2 COMMENT 'sum')""",
            SqlCreateKalamTable.class);
        final List<SqlNode> defaults = table.getColumns().stream().map(SqlKalamColumn::getDefaultExpr).toList();
        // Calcite keeps niladic functions as identifiers until validation.
        assertEquals("current_timestamp", assertInstanceOf(SqlIdentifier.class, defaults.get(0)).getSimple());
        assertEquals("x", ((SqlLiteral) defaults.get(1)).getValueAs(String.class));
        assertEquals(Boolean.TRUE, table.getColumns().get(1).getNotNull());
        assertEquals(42, ((SqlLiteral) defaults.get(2)).intValue(true));
        assertEquals(-1, ((SqlLiteral) defaults.get(3)).intValue(true));
        assertEquals(Boolean.TRUE, ((SqlLiteral) defaults.get(4)).booleanValue());
        assertEquals(SqlKind.PLUS, assertInstanceOf(SqlBasicCall.class, defaults.get(5)).getKind());
        assertEquals("sum", table.getColumns().get(5).getComment());
    }

    @Test
    void tablePrimaryKeyClauseMarksTheColumns() {
        final SqlCreateKalamTable table = parse("CREATE TABLE t (a INT, b TEXT, PRIMARY KEY (b))",
            SqlCreateKalamTable.class);
        assertEquals(2, table.getColumns().size());
        assertFalse(table.getColumns().get(0).isPrimaryKey());
        assertTrue(table.getColumns().get(1).isPrimaryKey());
        assertEquals("b", table.getColumns().get(1).getName());
    }

    @Test
    void badColumnDefinitionsAreRejectedWithPositions() {
        assertInvalid("CREATE TABLE t (a INT, PRIMARY KEY (b))",
            "PRIMARY KEY column b is not defined at line 1, column 37");
        assertInvalid("CREATE TABLE t (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))",
            "PRIMARY KEY is given both on column a and as a table clause at line 1, column 55");
        assertInvalid("CREATE TABLE t (a INT NOT NULL NULL)",
            "Duplicate NULL / NOT NULL clause at line 1, column 32");
        assertInvalid("CREATE TABLE t (a INT) WITH (ttl = 1, TTL = 2)", "Duplicate option TTL at line 1, column 39");
        assertInvalid("CREATE TABLE a.b.c (x INT)", "Encountered \".\" at line 1, column 17");
    }

    @Test
    void dropTable() {
        final SqlDropKalamTable plain = parse("DROP TABLE app.t", SqlDropKalamTable.class);
        assertNull(plain.getTableKind());
        assertFalse(plain.isIfExists());
        assertEquals(List.of("app", "t"), names(plain.getName()));

        final SqlDropKalamTable typed = parse("DROP USER TABLE IF EXISTS t", SqlDropKalamTable.class);
        assertEquals("USER", typed.getTableKind());
        assertTrue(typed.isIfExists());
        assertEquals(List.of("t"), names(typed.getName()));

        assertEquals("SHARED", parse("DROP SHARED TABLE t", SqlDropKalamTable.class).getTableKind());
        assertEquals("STREAM", parse("DROP STREAM TABLE t", SqlDropKalamTable.class).getTableKind());
    }

    @Test
    void showTables() {
        assertNull(parse("SHOW TABLES", SqlShowTables.class).getNamespace());
        assertEquals("app", parse("SHOW TABLES IN app", SqlShowTables.class).getNamespace());
    }

    @Test
    void describeTable() {
        final SqlDescribeKalamTable describe = parse("DESCRIBE TABLE app.t", SqlDescribeKalamTable.class);
        assertEquals(List.of("app", "t"), names(describe.getTableName()));
        assertFalse(describe.isHistory());

        final SqlDescribeKalamTable history = parse("DESC TABLE t HISTORY", SqlDescribeKalamTable.class);
        assertEquals(List.of("t"), names(history.getTableName()));
        assertTrue(history.isHistory());
    }

    @Test
    void alterTableAddColumn() {
        final SqlAlterTableAddColumn add = parse("ALTER TABLE app.t ADD COLUMN note TEXT NOT NULL DEFAULT 'n'",
            SqlAlterTableAddColumn.class);
        assertEquals(List.of("app", "t"), names(add.getName()));
        assertEquals("note", add.getColumn().getName());
        assertEquals("TEXT", add.getColumn().getTypeName());
        assertEquals(Boolean.TRUE, add.getColumn().getNotNull());
        assertEquals("n", ((SqlLiteral) add.getColumn().getDefaultExpr()).getValueAs(String.class));

        final SqlAlterTableAddColumn withoutKeyword = parse("ALTER TABLE t ADD score DECIMAL(5,1)",
            SqlAlterTableAddColumn.class);
        assertEquals("score", withoutKeyword.getColumn().getName());
        assertEquals(List.of(5, 1), withoutKeyword.getColumn().getTypeParams());
    }

    @Test
    void alterTableDropColumn() {
        final SqlAlterTableDropColumn drop = parse("ALTER TABLE t DROP COLUMN note", SqlAlterTableDropColumn.class);
        assertEquals(List.of("t"), names(drop.getName()));
        assertEquals("note", drop.getColumnName());
        assertEquals("note", parse("ALTER TABLE t DROP note", SqlAlterTableDropColumn.class).getColumnName());
    }

    @Test
    void alterTableModifyColumn() {
        final SqlAlterTableModifyColumn modify = parse("ALTER TABLE t MODIFY COLUMN c VARCHAR(10) NOT NULL",
            SqlAlterTableModifyColumn.class);
        assertEquals("c", modify.getColumn().getName());
        assertEquals("VARCHAR", modify.getColumn().getTypeName());
        assertEquals(List.of(10), modify.getColumn().getTypeParams());
        assertEquals(Boolean.TRUE, modify.getColumn().getNotNull());

        final SqlKalamColumn nullable = parse("ALTER TABLE t MODIFY c BIGINT NULL", SqlAlterTableModifyColumn.class)
            .getColumn();
        assertEquals("BIGINT", nullable.getTypeName());
        assertEquals(Boolean.FALSE, nullable.getNotNull());
        assertNull(parse("ALTER TABLE t MODIFY c TEXT", SqlAlterTableModifyColumn.class).getColumn().getNotNull());
    }

    @Test
    void alterTableSetProperties() {
        final SqlAlterTableSetProperties set = parse(
            "ALTER TABLE t SET TBLPROPERTIES (ttl_seconds = 60, 'access_level' = 'private', use_user_storage = false)",
            SqlAlterTableSetProperties.class);
        assertEquals(List.of("t"), names(set.getName()));
        assertEquals(List.of("TTL_SECONDS", "ACCESS_LEVEL", "USE_USER_STORAGE"),
            List.copyOf(set.getProperties().keySet()));
        assertEquals(60L, set.getProperties().get("TTL_SECONDS"));
        assertEquals("private", set.getProperties().get("ACCESS_LEVEL"));
        assertEquals(Boolean.FALSE, set.getProperties().get("USE_USER_STORAGE"));
    }

    @Test
    void newKeywordsStayUsableAsNames() {
        final SqlCreateKalamTable table = parse("""
            CREATE TABLE storage.history (namespace TEXT, storage TEXT, stats INT, job TEXT, flush INT, role TEXT,
              email TEXT, password TEXT, options JSON, comment TEXT COMMENT 'c', type TEXT, path TEXT, system TEXT)""",
            SqlCreateKalamTable.class);
        assertEquals(List.of("storage", "history"), names(table.getName()));
        assertEquals(List.of("namespace", "storage", "stats", "job", "flush", "role", "email", "password", "options",
                "comment", "type", "path", "system"),
            table.getColumns().stream().map(SqlKalamColumn::getName).toList());
        assertEquals("c", table.getColumns().get(9).getComment());
    }
}
