package io.kalamdb.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RowCodecTest {

    @Test
    void everyValueKindRoundTrips() {
        Object[] values = {null, true, false, (short) -7, 42, -5_000_000_000L, 1.5f, -2.25d,
                new BigDecimal("-12345678901234567890.12"), "héllo", new byte[] {0, 1, (byte) 255},
                new float[] {0.5f, -1f}, null};
        StoredRow decoded = RowCodec.decode(RowCodec.encode(new StoredRow(3, 7_234_987_234L, true, values)));
        assertEquals(3, decoded.schemaVersion());
        assertEquals(7_234_987_234L, decoded.seq());
        assertTrue(decoded.deleted());
        assertNull(decoded.value(0));
        for (int i = 1; i <= 9; i++) {
            assertEquals(values[i], decoded.value(i), "column " + i);
        }
        assertArrayEquals((byte[]) values[10], (byte[]) decoded.value(10));
        assertArrayEquals((float[]) values[11], (float[]) decoded.value(11));
        assertNull(decoded.value(12));
        assertNull(decoded.value(500), "a column added later reads as null");
    }

    @Test
    void seqIsReadableWithoutDecoding() {
        byte[] bytes = RowCodec.encode(new StoredRow(300, 99L, false, new Object[] {"x"}));
        assertEquals(99L, RowCodec.seqOf(bytes));
        assertEquals(300, RowCodec.decode(bytes).schemaVersion());
    }
}
