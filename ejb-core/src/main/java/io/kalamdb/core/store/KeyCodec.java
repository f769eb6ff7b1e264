package io.kalamdb.core.store;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Order-preserving key encodings (DESIGN.md §3): the unsigned byte order of encoded keys equals the natural
 * order of the values.
 * <ul>
 * <li>BIGINT: 8 bytes big-endian with the sign bit flipped.</li>
 * <li>TEXT: UTF-8 with each 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x01 (prefix-free, so a longer
 * string sorts after its prefix).</li>
 * <li>USER rows: {@code userId-utf8 0x00 pk}; STREAM rows: {@code userId-utf8 0x00 _seq(BIGINT)}. A user id
 * never contains 0x00, so one user's keys form one contiguous range.</li>
 * </ul>
 */
public final class KeyCodec {
    private static final byte ESCAPE = 0x00;
    private static final byte ESCAPED_ZERO = (byte) 0xFF;
    private static final byte TERMINATOR = 0x01;

    private KeyCodec() {
    }

    /** @return the 8-byte order-preserving encoding of {@code v} */
    public static byte[] encodeLong(long v) {
        long u = v ^ Long.MIN_VALUE;
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) u;
            u >>>= 8;
        }
        return out;
    }

    /** @return the value of an 8-byte encoding at {@code offset} */
    public static long decodeLong(byte[] key, int offset) {
        long u = 0;
        for (int i = 0; i < 8; i++) {
            u = (u << 8) | (key[offset + i] & 0xFF);
        }
        return u ^ Long.MIN_VALUE;
    }

    /** @return the escaped, terminated encoding of {@code s} */
    public static byte[] encodeText(String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 2);
        for (byte b : raw) {
            out.write(b);
            if (b == ESCAPE) {
                out.write(ESCAPED_ZERO);
            }
        }
        out.write(ESCAPE);
        out.write(TERMINATOR);
        return out.toByteArray();
    }

    /**
     * @return the string encoded at {@code offset} (up to its terminator)
     * @throws KalamException INTERNAL_ERROR if the bytes are not a text encoding
     */
    public static String decodeText(byte[] key, int offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = offset;
        while (i < key.length - 1) {
            byte b = key[i];
            if (b == ESCAPE) {
                if (key[i + 1] == TERMINATOR) {
                    return out.toString(StandardCharsets.UTF_8);
                }
                out.write(0);
                i += 2;
            } else {
                out.write(b);
                i++;
            }
        }
        throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt text key");
    }

    /** @return {@code userId-utf8 0x00}: the first key of the user's range */
    public static byte[] userPrefix(UserId user) {
        byte[] u = user.value().getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(u, u.length + 1);
    }

    /** @return the exclusive upper bound of the user's range: {@code userId-utf8 0x01} */
    public static byte[] userRangeEnd(UserId user) {
        byte[] end = userPrefix(user);
        end[end.length - 1] = 0x01;
        return end;
    }

    /** @return {@code prefix ++ suffix} */
    public static byte[] concat(byte[] prefix, byte[] suffix) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + suffix.length);
        System.arraycopy(suffix, 0, out, prefix.length, suffix.length);
        return out;
    }

    /** @return the user id at the start of a USER or STREAM key */
    public static UserId decodeUser(byte[] key) {
        return new UserId(new String(key, 0, userLength(key), StandardCharsets.UTF_8));
    }

    /** @return the offset of the part after {@code userId 0x00} in a USER or STREAM key */
    public static int afterUser(byte[] key) {
        return userLength(key) + 1;
    }

    private static int userLength(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == 0) {
                return i;
            }
        }
        throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt user key");
    }

    /** @return the smallest key greater than every key that starts with {@code prefix}, or null if none */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }
}
