package io.kalamdb.core.sql.parser;

import io.kalamdb.core.sql.parser.ast.SqlInsertReturning;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kalamdb.core.sql.parser.Parsing.names;
import static io.kalamdb.core.sql.parser.Parsing.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calcite's own statements keep parsing through the extended grammar. */
class StandardSqlParserTest {

    @Test
    void selectWithJoinGroupByHavingOrderByLimitOffsetAndSubquery() {
        final SqlOrderBy orderBy = parse("""
            SELECT m.room, COUNT(*) AS n
            FROM chat.messages m JOIN chat.rooms r ON m.room = r.id
            WHERE m.author IN (SELECT id FROM chat.users WHERE active)
            GROUP BY m.room
            HAVING COUNT(*) > 1
            ORDER BY n DESC
            LIMIT 10 OFFSET 5""", SqlOrderBy.class);
        assertEquals(10, ((SqlLiteral) orderBy.fetch).intValue(true));
        assertEquals(5, ((SqlLiteral) orderBy.offset).intValue(true));
        assertEquals(SqlKind.DESCENDING, orderBy.orderList.get(0).getKind());

        final SqlSelect select = assertInstanceOf(SqlSelect.class, orderBy.query);
        assertEquals(2, select.getSelectList().size());
        final SqlJoin join = assertInstanceOf(SqlJoin.class, select.getFrom());
        assertEquals(List.of("chat", "rooms"),
            names((SqlIdentifier) ((SqlBasicCall) join.getRight()).operand(0)));
        final SqlBasicCall in = assertInstanceOf(SqlBasicCall.class, select.getWhere());
        assertEquals(SqlKind.IN, in.getKind());
        assertInstanceOf(SqlSelect.class, in.operand(1));
        assertEquals(List.of("m", "room"), names((SqlIdentifier) select.getGroup().get(0)));
        assertEquals(SqlKind.GREATER_THAN, select.getHaving().getKind());
    }

    @Test
    void unquotedNamesAreLowerCasedQuotedNamesKept() {
        final SqlSelect select = parse("SELECT Name, \"MixedCase\" FROM System.Users", SqlSelect.class);
        assertEquals(List.of("name"), names((SqlIdentifier) select.getSelectList().get(0)));
        assertEquals(List.of("MixedCase"), names((SqlIdentifier) select.getSelectList().get(1)));
        assertEquals(List.of("system", "users"), names((SqlIdentifier) select.getFrom()));
    }

    @Test
    void insertWithSeveralRows() {
        final SqlInsert insert = parse("INSERT INTO app.t (id, name) VALUES (1, 'a'), (2, 'b')", SqlInsert.class);
        assertEquals(List.of("app", "t"), names((SqlIdentifier) insert.getTargetTable()));
        assertEquals(2, insert.getTargetColumnList().size());
        final SqlBasicCall values = assertInstanceOf(SqlBasicCall.class, insert.getSource());
        assertEquals(SqlKind.VALUES, values.getKind());
        assertEquals(2, values.operandCount());
    }

    @Test
    void insertReturningColumns() {
        final SqlInsertReturning returning = parse(
            "INSERT INTO app.t (id, name) VALUES (1, 'a'), (2, 'b') RETURNING id, name", SqlInsertReturning.class);
        assertEquals(List.of("app", "t"), names((SqlIdentifier) returning.getInsert().getTargetTable()));
        assertEquals(2, ((SqlBasicCall) returning.getInsert().getSource()).operandCount());
        final List<String> columns = returning.getReturning().stream()
            .map(node -> ((SqlIdentifier) node).getSimple()).toList();
        assertEquals(List.of("id", "name"), columns);
    }

    @Test
    void insertReturningStar() {
        final SqlInsertReturning returning = parse("INSERT INTO t VALUES (1) RETURNING *", SqlInsertReturning.class);
        assertEquals(1, returning.getReturning().size());
        assertTrue(((SqlIdentifier) returning.getReturning().get(0)).isStar());
    }

    @Test
    void updateAndDelete() {
        final SqlUpdate update = parse("UPDATE app.t SET name = 'x', n = n + 1 WHERE id = 1", SqlUpdate.class);
        assertEquals(List.of("app", "t"), names((SqlIdentifier) update.getTargetTable()));
        assertEquals(2, update.getTargetColumnList().size());
        assertNotNull(update.getCondition());

        final SqlDelete delete = parse("DELETE FROM app.t WHERE id = 1", SqlDelete.class);
        assertEquals(List.of("app", "t"), names((SqlIdentifier) delete.getTargetTable()));
        assertEquals(SqlKind.EQUALS, delete.getCondition().getKind());
    }

    @Test
    void expressionsForStoredDefaults() {
        final SqlNode now = KalamSqlParser.parseExpression("NOW()");
        assertEquals(SqlKind.OTHER_FUNCTION, now.getKind());
        assertEquals("`now`()", now.toString());
        assertEquals("it's", ((SqlLiteral) KalamSqlParser.parseExpression("'it''s'")).getValueAs(String.class));
        assertEquals("current_timestamp",
            assertInstanceOf(SqlIdentifier.class, KalamSqlParser.parseExpression("CURRENT_TIMESTAMP")).getSimple());
    }
}
