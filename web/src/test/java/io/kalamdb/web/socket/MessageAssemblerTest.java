package io.kalamdb.web.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageAssemblerTest {
    private final MessageAssembler assembler = new MessageAssembler(10);

    @Test
    void aWholeMessageWithinTheLimitPassesAsIs() {
        assertTrue(assembler.atMessageStart());
        assertEquals("{\"a\":1}", assembler.append("{\"a\":1}", true));
        assertFalse(assembler.wasOversize());
        assertTrue(assembler.atMessageStart());
    }

    @Test
    void partsAreJoinedIntoOneMessage() {
        assertNull(assembler.append("abc", false));
        assertFalse(assembler.atMessageStart());
        assertNull(assembler.append("def", false));
        assertEquals("abcdefg", assembler.append("g", true));
    }

    @Test
    void aMessageOverTheLimitIsDroppedAsItArrivesAndTheNextOneIsKept() {
        assertNull(assembler.append("0123456789", false));
        assertNull(assembler.append("x", false), "11 characters: over the limit, dropped from here on");
        assertNull(assembler.append("y".repeat(1_000), true));
        assertTrue(assembler.wasOversize());

        assertNull(assembler.append("o", false));
        assertFalse(assembler.wasOversize(), "an oversize message is reported once, when it ends");
        assertEquals("ok", assembler.append("k", true));
        assertFalse(assembler.wasOversize());
    }

    @Test
    void theLimitIsInUtf8Bytes() {
        assertNull(assembler.append("ééééé!", true), "6 characters but 11 bytes");
        assertTrue(assembler.wasOversize());
        assertEquals("ééééé", assembler.append("ééééé", true), "10 bytes");
    }

    @Test
    void aMessageDroppedForTheRateIsNotReportedAsOversize() {
        assertTrue(assembler.atMessageStart());
        assembler.dropMessage();
        assertNull(assembler.append("a".repeat(100), false));
        assertNull(assembler.append("b", true));
        assertFalse(assembler.wasOversize());
        assertTrue(assembler.atMessageStart());
    }
}
