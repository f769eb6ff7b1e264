package io.kalamdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotEndAStatement() {
        StatementSplitter.Split split = StatementSplitter.split("""
                INSERT INTO t VALUES (1, 'a;b', 'it''s; fine');
                -- a comment; with a semicolon
                SELECT "odd;name" FROM t /* block; comment */ WHERE x = 1;
                SELECT 2""");

        assertEquals(List.of("INSERT INTO t VALUES (1, 'a;b', 'it''s; fine')",
                "-- a comment; with a semicolon\nSELECT \"odd;name\" FROM t /* block; comment */ WHERE x = 1"),
                split.statements());
        assertEquals("SELECT 2", split.rest());
        assertTrue(split.incomplete());
    }

    @Test
    void emptyStatementsAndTrailingCommentsAreNotStatements() {
        StatementSplitter.Split split = StatementSplitter.split(";; SELECT 1;  ;\n-- done\n");

        assertEquals(List.of("SELECT 1"), split.statements());
        assertFalse(split.incomplete());
    }

    @Test
    void anUnclosedStringKeepsTheStatementOpen() {
        StatementSplitter.Split split = StatementSplitter.split("SELECT 'abc;\ndef");

        assertEquals(List.of(), split.statements());
        assertEquals("SELECT 'abc;\ndef", split.rest());
    }
}
