package io.kalamdb.core.sql.parser;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.parser.ast.SqlCreateNamespace;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Script splitting, parameters and error reporting of {@link KalamSqlParser}. */
class KalamSqlParserScriptTest {

    @Test
    void splitsOnSemicolonsThatAreCode() {
        final List<ParsedStatement> statements = KalamSqlParser.parseScript("""
            SELECT 'a;b' AS "x;y"; -- comment; still comment
            ;;
            /* block ; comment */ CREATE NAMESPACE app;
            SELECT E'it\\';s' FROM t // trailing; comment
            """);
        assertEquals(3, statements.size());
        assertEquals(List.of(1, 2, 3), statements.stream().map(ParsedStatement::number).toList());
        assertEquals("SELECT 'a;b' AS \"x;y\"", statements.get(0).sql());
        final SqlBasicCall alias = (SqlBasicCall) ((SqlSelect) statements.get(0).node()).getSelectList().get(0);
        assertEquals("a;b", ((SqlLiteral) alias.operand(0)).getValueAs(String.class));
        assertEquals("x;y", alias.operand(1).toString());
        assertEquals("/* block ; comment */ CREATE NAMESPACE app", statements.get(1).sql());
        assertEquals("app", assertInstanceOf(SqlCreateNamespace.class, statements.get(1).node()).getNamespace());
        assertEquals("SELECT E'it\\';s' FROM t // trailing; comment", statements.get(2).sql());
    }

    @Test
    void emptyInputIsEmptySql() {
        for (String sql : new String[] {null, "", "   \n\t", ";;", "-- only a comment", "/* a */ ; -- b"}) {
            final KalamException e = assertThrows(KalamException.class, () -> KalamSqlParser.parseScript(sql));
            assertEquals(ErrorCode.EMPTY_SQL, e.code(), String.valueOf(sql));
            assertEquals("SQL statement is empty", e.getMessage());
        }
    }

    @Test
    void numberedParametersMapToCallerIndexes() {
        final ParsedStatement statement = KalamSqlParser.parseScript(
            "UPDATE t SET a = $2, b = '$1', \"$3\" = $1 WHERE id = $2 -- $4").get(0);
        assertArrayEquals(new int[] {1, 0, 1}, statement.paramOrder());
        assertEquals(2, statement.paramCount());
        assertEquals("UPDATE t SET a = $2, b = '$1', \"$3\" = $1 WHERE id = $2 -- $4", statement.sql());
        final SqlUpdate update = assertInstanceOf(SqlUpdate.class, statement.node());
        assertEquals(0, assertInstanceOf(SqlDynamicParam.class, update.getSourceExpressionList().get(0)).getIndex());
        assertEquals("$1", ((SqlLiteral) update.getSourceExpressionList().get(1)).getValueAs(String.class));
        assertEquals(List.of("$3"), ((SqlIdentifier) update.getTargetColumnList().get(2)).names);
    }

    @Test
    void numberedParametersMayComeOutOfOrderAndLeaveGaps() {
        final ParsedStatement statement = KalamSqlParser.parseScript("SELECT $3, $1 FROM t").get(0);
        assertArrayEquals(new int[] {2, 0}, statement.paramOrder());
        assertEquals(3, statement.paramCount());
    }

    @Test
    void questionMarkParametersAreInOrder() {
        final ParsedStatement statement = KalamSqlParser.parseScript("SELECT ? FROM t WHERE a = ? AND b = '?'")
            .get(0);
        assertArrayEquals(new int[] {0, 1}, statement.paramOrder());
        assertEquals(2, statement.paramCount());

        final ParsedStatement none = KalamSqlParser.parseScript("SELECT a$1 FROM t").get(0);
        assertArrayEquals(new int[0], none.paramOrder());
        assertEquals(0, none.paramCount());
    }

    @Test
    void badParametersAreInvalidSql() {
        final KalamException mixed = assertThrows(KalamException.class,
            () -> KalamSqlParser.parseScript("SELECT ? FROM t WHERE a = $1"));
        assertEquals(ErrorCode.INVALID_SQL, mixed.code());
        assertEquals("Cannot mix ? and $n parameters in one statement at line 1, column 27", mixed.getMessage());

        final KalamException zero = assertThrows(KalamException.class,
            () -> KalamSqlParser.parseScript("SELECT $0"));
        assertEquals("Parameter numbers start at $1, not $0 at line 1, column 8", zero.getMessage());
    }

    @Test
    void singleStatementErrorIsInvalidSqlWithPosition() {
        final KalamException typo = assertThrows(KalamException.class, () -> KalamSqlParser.parseScript("SELEC 1"));
        assertEquals(ErrorCode.INVALID_SQL, typo.code());
        assertTrue(typo.getMessage().endsWith("at line 1, column 1"), typo.getMessage());

        final KalamException truncated = assertThrows(KalamException.class,
            () -> KalamSqlParser.parseScript("  SELECT a FROM t WHERE a = 'x' x"));
        assertEquals(ErrorCode.INVALID_SQL, truncated.code());
        assertTrue(truncated.getMessage().startsWith("Encountered \"x\" at line 1, column 33. Was expecting one of: "),
            truncated.getMessage());
        assertTrue(truncated.getMessage().endsWith("more)"), truncated.getMessage());
    }

    @Test
    void expectedTokenListIsShortAndNamesIdentifiersOnce() {
        final KalamException e = assertThrows(KalamException.class,
            () -> KalamSqlParser.parseScript("CREATE TABLE t (a INT,"));
        assertEquals("Encountered \"<EOF>\" at line 1, column 22. Was expecting one of: <IDENTIFIER>, \"PRIMARY\"",
            e.getMessage());
    }

    @Test
    void batchErrorNamesTheStatementAndItsAbsoluteLine() {
        final String script = "CREATE NAMESPACE app;\n"
            + "SELECT *\n"
            + "  FROM app.t\n"
            + "  WHERE id = = 1;\n"
            + "SELECT 1";
        final KalamException e = assertThrows(KalamException.class, () -> KalamSqlParser.parseScript(script));
        assertEquals(ErrorCode.BATCH_PARSE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Statement 2: Encountered \"=\" at line 4, column 12"), e.getMessage());
    }

    @Test
    void batchErrorOnTheStatementsFirstLineCountsFromItsColumn() {
        final KalamException e = assertThrows(KalamException.class,
            () -> KalamSqlParser.parseScript("SELECT 1;\tCREATE STORAGE s TYPE 'x'"));
        assertEquals(ErrorCode.BATCH_PARSE_ERROR, e.code());
        assertEquals("Statement 2: CREATE STORAGE requires a PATH clause at line 1, column 11", e.getMessage());
    }

    @Test
    void lexicalErrorsArePositionedToo() {
        final KalamException e = assertThrows(KalamException.class,
            () -> KalamSqlParser.parseScript("SELECT 1;\nSELECT # FROM t"));
        assertEquals(ErrorCode.BATCH_PARSE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Statement 2: Lexical error at line 2, column 8."), e.getMessage());
    }

    @Test
    void badExpressionIsInvalidSql() {
        final KalamException e = assertThrows(KalamException.class, () -> KalamSqlParser.parseExpression("1 +"));
        assertEquals(ErrorCode.INVALID_SQL, e.code());
        assertTrue(e.getMessage().startsWith("Encountered \"+\" at line 1, column 3"), e.getMessage());
        assertEquals(ErrorCode.INVALID_SQL,
            assertThrows(KalamException.class, () -> KalamSqlParser.parseExpression(" ")).code());
    }

    @Test
    void configMatchesTheContract() {
        assertEquals(org.apache.calcite.avatica.util.Casing.TO_LOWER, KalamSqlParser.config().unquotedCasing());
        assertEquals(org.apache.calcite.avatica.util.Casing.UNCHANGED, KalamSqlParser.config().quotedCasing());
        assertEquals(org.apache.calcite.avatica.util.Quoting.DOUBLE_QUOTE, KalamSqlParser.config().quoting());
        assertTrue(KalamSqlParser.config().caseSensitive());
        assertEquals(128, KalamSqlParser.config().identifierMaxLength());
        assertEquals(org.apache.calcite.sql.validate.SqlConformanceEnum.LENIENT, KalamSqlParser.config().conformance());
    }
}
