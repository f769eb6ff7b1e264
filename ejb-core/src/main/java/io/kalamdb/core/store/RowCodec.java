package io.kalamdb.core.store;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The value encoding of a {@link StoredRow}. Self-describing, so rows written under any schema version
 * decode without the schema:
 *
 * <pre>
 * format(1 byte = 1) schemaVersion(varint) seq(8 bytes BE) deleted(1 byte) count(varint)
 * count × [ columnId(varint) tag(1 byte) payload ]
 * </pre>
 * Tags: 1 true, 2 false, 3 short(2), 4 int(4), 5 long(8), 6 float(4), 7 double(8),
 * 8 decimal(scale varint, length varint, unscaled two's-complement bytes), 9 string(length varint, UTF-8),
 * 10 bytes(length varint, bytes), 11 float vector(length varint, 4 × length). Nulls are not stored.
 */
public final class RowCodec {
    private static final byte FORMAT = 1;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;
    private static final byte SHORT = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte FLOAT = 6;
    private static final byte DOUBLE = 7;
    private static final byte DECIMAL = 8;
    private static final byte STRING = 9;
    private static final byte BYTES = 10;
    private static final byte VECTOR = 11;

    private RowCodec() {
    }

    /**
     * @param row the row; values must be canonical Java values (see {@code KalamDataType})
     * @return the encoded bytes
     * @throws KalamException INTERNAL_ERROR for a value of an unsupported Java type
     */
    public static byte[] encode(StoredRow row) {
        Object[] values = row.values();
        int count = 0;
        int size = 16;
        for (Object v : values) {
            if (v != null) {
                count++;
                size += 6 + sizeOf(v);
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put(FORMAT);
        putVarint(buf, row.schemaVersion());
        buf.putLong(row.seq());
        buf.put((byte) (row.deleted() ? 1 : 0));
        putVarint(buf, count);
        for (int id = 0; id < values.length; id++) {
            if (values[id] != null) {
                putVarint(buf, id);
                putValue(buf, values[id]);
            }
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /**
     * @param bytes an encoded row
     * @return the decoded row
     * @throws KalamException INTERNAL_ERROR if the bytes are not a row of a known format
     */
    public static StoredRow decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (buf.get() != FORMAT) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Unknown row format");
        }
        int schemaVersion = getVarint(buf);
        long seq = buf.getLong();
        boolean deleted = buf.get() != 0;
        int count = getVarint(buf);
        int[] ids = new int[count];
        Object[] vals = new Object[count];
        int max = -1;
        for (int i = 0; i < count; i++) {
            ids[i] = getVarint(buf);
            vals[i] = getValue(buf);
            max = Math.max(max, ids[i]);
        }
        Object[] values = new Object[max + 1];
        for (int i = 0; i < count; i++) {
            values[ids[i]] = vals[i];
        }
        return new StoredRow(schemaVersion, seq, deleted, values);
    }

    /** @return the {@code _seq} of an encoded row without decoding its values */
    public static long seqOf(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        buf.get();
        getVarint(buf);
        return buf.getLong();
    }

    private static int sizeOf(Object v) {
        if (v instanceof String s) {
            return s.length() * 3;
        } else if (v instanceof byte[] b) {
            return b.length;
        } else if (v instanceof float[] f) {
            return f.length * 4;
        } else if (v instanceof BigDecimal d) {
            return 8 + d.unscaledValue().bitLength() / 8;
        }
        return 8;
    }

    private static void putValue(ByteBuffer buf, Object v) {
        if (v instanceof Boolean b) {
            buf.put(b ? TRUE : FALSE);
        } else if (v instanceof Short s) {
            buf.put(SHORT).putShort(s);
        } else if (v instanceof Integer i) {
            buf.put(INT).putInt(i);
        } else if (v instanceof Long l) {
            buf.put(LONG).putLong(l);
        } else if (v instanceof Float f) {
            buf.put(FLOAT).putFloat(f);
        } else if (v instanceof Double d) {
            buf.put(DOUBLE).putDouble(d);
        } else if (v instanceof BigDecimal d) {
            byte[] unscaled = d.unscaledValue().toByteArray();
            buf.put(DECIMAL);
            putVarint(buf, d.scale());
            putVarint(buf, unscaled.length);
            buf.put(unscaled);
        } else if (v instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            buf.put(STRING);
            putVarint(buf, utf8.length);
            buf.put(utf8);
        } else if (v instanceof byte[] b) {
            buf.put(BYTES);
            putVarint(buf, b.length);
            buf.put(b);
        } else if (v instanceof float[] f) {
            buf.put(VECTOR);
            putVarint(buf, f.length);
            for (float x : f) {
                buf.putFloat(x);
            }
        } else {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot store a " + v.getClass().getName());
        }
    }

    private static Object getValue(ByteBuffer buf) {
        byte tag = buf.get();
        switch (tag) {
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case SHORT: return buf.getShort();
            case INT: return buf.getInt();
            case LONG: return buf.getLong();
            case FLOAT: return buf.getFloat();
            case DOUBLE: return buf.getDouble();
            case DECIMAL: {
                int scale = getVarint(buf);
                byte[] unscaled = new byte[getVarint(buf)];
                buf.get(unscaled);
                return new BigDecimal(new BigInteger(unscaled), scale);
            }
            case STRING: {
                byte[] utf8 = new byte[getVarint(buf)];
                buf.get(utf8);
                return new String(utf8, StandardCharsets.UTF_8);
            }
            case BYTES: {
                byte[] b = new byte[getVarint(buf)];
                buf.get(b);
                return b;
            }
            case VECTOR: {
                float[] f = new float[getVarint(buf)];
                for (int i = 0; i < f.length; i++) {
                    f[i] = buf.getFloat();
                }
                return f;
            }
            default:
                throw new KalamException(ErrorCode.INTERNAL_ERROR, "Unknown value tag " + tag);
        }
    }

    private static void putVarint(ByteBuffer buf, int v) {
        while ((v & ~0x7F) != 0) {
            buf.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        buf.put((byte) v);
    }

    private static int getVarint(ByteBuffer buf) {
        int result = 0;
        int shift = 0;
        byte b;
        do {
            b = buf.get();
            result |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }
}
