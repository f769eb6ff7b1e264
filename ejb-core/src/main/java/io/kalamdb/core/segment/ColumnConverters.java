package io.kalamdb.core.segment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Parquet converters that decode a segment column's values into the canonical Java values of its
 * {@code KalamDataType} (the inverse of {@link ColumnCodec#toParquet}): Short for INT(16), BigDecimal with the
 * column's scale for DECIMAL, lower-case text for UUID, float[] for a LIST of FLOAT, and so on.
 */
final class ColumnConverters {
    private ColumnConverters() {
    }

    /**
     * @param codec the column's codec
     * @param sink  receives each decoded canonical value
     * @return a converter for the column's field
     */
    static Converter forColumn(ColumnCodec codec, Consumer<Object> sink) {
        int scale = codec.scale();
        return switch (codec.kind()) {
            case BOOLEAN -> new PrimitiveConverter() {
                @Override
                public void addBoolean(boolean value) {
                    sink.accept(value);
                }
            };
            case SHORT -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    sink.accept((short) value);
                }
            };
            case INT -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    sink.accept(value);
                }
            };
            case LONG -> new PrimitiveConverter() {
                @Override
                public void addLong(long value) {
                    sink.accept(value);
                }
            };
            case FLOAT -> new PrimitiveConverter() {
                @Override
                public void addFloat(float value) {
                    sink.accept(value);
                }
            };
            case DOUBLE -> new PrimitiveConverter() {
                @Override
                public void addDouble(double value) {
                    sink.accept(value);
                }
            };
            case DECIMAL -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    sink.accept(BigDecimal.valueOf(value, scale));
                }

                @Override
                public void addLong(long value) {
                    sink.accept(BigDecimal.valueOf(value, scale));
                }

                @Override
                public void addBinary(Binary value) {
                    sink.accept(new BigDecimal(new BigInteger(value.getBytes()), scale));
                }
            };
            case STRING -> new StringConverter(sink);
            case BYTES -> new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                    sink.accept(value.getBytes());
                }
            };
            case UUID -> new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                    sink.accept(uuidText(value));
                }
            };
            case VECTOR -> new VectorConverter(sink);
        };
    }

    private static String uuidText(Binary b) {
        ByteBuffer buf = b.toByteBuffer();
        return new UUID(buf.getLong(buf.position()), buf.getLong(buf.position() + 8)).toString();
    }

    /** Decodes UTF-8 once per dictionary entry rather than once per value. */
    private static final class StringConverter extends PrimitiveConverter {
        private final Consumer<Object> sink;
        private String[] dictionary;

        StringConverter(Consumer<Object> sink) {
            this.sink = sink;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            dictionary = new String[d.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = d.decodeToBinary(id).toStringUsingUTF8();
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            sink.accept(dictionary[dictionaryId]);
        }

        @Override
        public void addBinary(Binary value) {
            sink.accept(value.toStringUsingUTF8());
        }
    }

    /** Assembles a three-level LIST of FLOAT into a float[]. */
    private static final class VectorConverter extends GroupConverter {
        private final Consumer<Object> sink;
        private float[] buffer = new float[16];
        private int size;
        private final PrimitiveConverter element = new PrimitiveConverter() {
            @Override
            public void addFloat(float value) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, size * 2);
                }
                buffer[size++] = value;
            }
        };
        private final GroupConverter repeated = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return element;
            }

            @Override
            public void start() {
                // one list element: its value arrives through the element converter
            }

            @Override
            public void end() {
                // nothing to assemble per element
            }
        };

        VectorConverter(Consumer<Object> sink) {
            this.sink = sink;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            size = 0;
        }

        @Override
        public void end() {
            sink.accept(Arrays.copyOf(buffer, size));
        }
    }
}
