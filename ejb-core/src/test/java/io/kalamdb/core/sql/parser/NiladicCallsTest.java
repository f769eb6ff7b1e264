package io.kalamdb.core.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NiladicCallsTest {

    @Test
    void emptyParenthesesAfterNiladicFunctionsAreBlankedKeepingPositions() {
        assertEquals("SELECT CURRENT_USER     FROM t WHERE a = current_timestamp  ",
                NiladicCalls.rewrite("SELECT CURRENT_USER ( ) FROM t WHERE a = current_timestamp()"));
    }

    @Test
    void stringsCommentsAndOtherCallsAreLeftAlone() {
        String sql = "SELECT 'CURRENT_USER()', \"current_user()\", my_current_user(), NOW() -- CURRENT_USER()";
        assertEquals(sql, NiladicCalls.rewrite(sql));
    }

    @Test
    void theRewrittenStatementParsesAsTheNiladicCall() {
        ParsedStatement s = KalamSqlParser.parseScript("SELECT CURRENT_USER() AS u").get(0);
        assertEquals("SELECT CURRENT_USER AS `U`", s.node().toString().replace("\n", " ").toUpperCase());
    }
}
