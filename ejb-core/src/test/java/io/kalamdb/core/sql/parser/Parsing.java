package io.kalamdb.core.sql.parser;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: parse one statement and check its node type, or check the error. */
final class Parsing {
    private Parsing() {
    }

    static <T extends SqlNode> T parse(String sql, Class<T> type) {
        final List<ParsedStatement> statements = KalamSqlParser.parseScript(sql);
        assertEquals(1, statements.size(), "statement count");
        return assertInstanceOf(type, statements.get(0).node());
    }

    static List<String> names(SqlIdentifier identifier) {
        return identifier.names;
    }

    static void assertInvalid(String sql, String expectedMessagePart) {
        final KalamException e = assertThrows(KalamException.class, () -> KalamSqlParser.parseScript(sql));
        assertEquals(ErrorCode.INVALID_SQL, e.code());
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }
}
