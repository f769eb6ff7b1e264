package io.kalamdb.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.UserId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

    @Test
    void longEncodingPreservesOrderIncludingNegatives() {
        long[] values = {Long.MIN_VALUE, -1_000_000L, -1, 0, 1, 255, 256, 1L << 40, Long.MAX_VALUE};
        for (int i = 1; i < values.length; i++) {
            assertTrue(Arrays.compareUnsigned(KeyCodec.encodeLong(values[i - 1]),
                    KeyCodec.encodeLong(values[i])) < 0, "order at " + values[i]);
        }
        for (long v : values) {
            assertEquals(v, KeyCodec.decodeLong(KeyCodec.encodeLong(v), 0));
        }
    }

    @Test
    void randomLongsSortLikeTheirEncodings() {
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long a = r.nextLong();
            long b = r.nextLong();
            assertEquals(Integer.signum(Long.compare(a, b)),
                    Integer.signum(Arrays.compareUnsigned(KeyCodec.encodeLong(a), KeyCodec.encodeLong(b))));
        }
    }

    @Test
    void textEncodingIsPrefixFreeAndOrderPreserving() {
        List<String> sorted = new ArrayList<>(List.of("", "a", "a\u0000", "a\u0000b", "ab", "b", "é", "日本"));
        for (int i = 1; i < sorted.size(); i++) {
            byte[] prev = KeyCodec.encodeText(sorted.get(i - 1));
            byte[] cur = KeyCodec.encodeText(sorted.get(i));
            assertTrue(Arrays.compareUnsigned(prev, cur) < 0, sorted.get(i - 1) + " < " + sorted.get(i));
        }
        for (String s : sorted) {
            assertEquals(s, KeyCodec.decodeText(KeyCodec.encodeText(s), 0));
        }
    }

    @Test
    void userKeysGroupByUserAndDecode() {
        UserId alice = new UserId("alice");
        UserId alice2 = new UserId("alice2");
        byte[] k1 = KeyCodec.concat(KeyCodec.userPrefix(alice), KeyCodec.encodeLong(Long.MAX_VALUE));
        byte[] k2 = KeyCodec.concat(KeyCodec.userPrefix(alice2), KeyCodec.encodeLong(Long.MIN_VALUE));
        assertTrue(Arrays.compareUnsigned(k1, KeyCodec.userRangeEnd(alice)) < 0);
        assertTrue(Arrays.compareUnsigned(k2, KeyCodec.userRangeEnd(alice)) > 0, "alice2 is outside alice's range");
        assertEquals(alice2, KeyCodec.decodeUser(k2));
        assertEquals(Long.MIN_VALUE, KeyCodec.decodeLong(k2, KeyCodec.afterUser(k2)));
    }

    @Test
    void prefixEndIsTheNextPrefix() {
        assertEquals("[97, 99]", Arrays.toString(KeyCodec.prefixEnd(new byte[] {97, 98})));
        assertEquals("[98]", Arrays.toString(KeyCodec.prefixEnd(new byte[] {97, (byte) 0xFF})));
        assertEquals(null, KeyCodec.prefixEnd(new byte[] {(byte) 0xFF}));
    }
}
