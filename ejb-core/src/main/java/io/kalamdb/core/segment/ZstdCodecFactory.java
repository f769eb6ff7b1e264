package io.kalamdb.core.segment;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.ByteBufferReleaser;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression without Hadoop's codec classes: ZSTD through zstd-jni, and UNCOMPRESSED. Parquet's
 * own {@code CodecFactory} needs {@code hadoop-client-runtime} for ZSTD; this factory does not.
 * <p>
 * The page payload is a plain Zstandard frame (RFC 8878), as the Parquet format spec requires for codec
 * {@code ZSTD} ({@code Compression.md}). One native compression context is kept per level and one
 * decompression context per factory; all are freed by {@link #release()}. Methods are thread-safe; a factory
 * is meant to serve one writer or one reader.
 */
public final class ZstdCodecFactory implements CompressionCodecFactory {
    /** The default ZSTD level: the smallest files at no extra CPU on the machines measured (STACK-NOTES). */
    public static final int DEFAULT_LEVEL = 3;

    private final int level;
    private final Map<Integer, ZstdCompressor> compressors = new HashMap<>();
    private ZstdDecompressor decompressor;

    /** Creates a factory whose ZSTD compressor uses {@link #DEFAULT_LEVEL}. */
    public ZstdCodecFactory() {
        this(DEFAULT_LEVEL);
    }

    /**
     * @param level the ZSTD level used by {@link #getCompressor(CompressionCodecName)}
     * @throws IllegalArgumentException if zstd does not support the level
     */
    public ZstdCodecFactory(int level) {
        this.level = checkLevel(level);
    }

    /**
     * @param codec ZSTD or UNCOMPRESSED
     * @return a compressor; for ZSTD at this factory's level
     * @throws IllegalArgumentException for any other codec
     */
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return getCompressor(codec, level);
    }

    /**
     * @param codec      ZSTD or UNCOMPRESSED
     * @param codecLevel the ZSTD level (ignored for UNCOMPRESSED)
     * @return a compressor, shared by every caller asking for the same level
     * @throws IllegalArgumentException for any other codec or an unsupported level
     */
    @Override
    public synchronized BytesInputCompressor getCompressor(CompressionCodecName codec, int codecLevel) {
        return switch (codec) {
            case UNCOMPRESSED -> Uncompressed.COMPRESSOR;
            case ZSTD -> compressors.computeIfAbsent(checkLevel(codecLevel), ZstdCompressor::new);
            default -> throw unsupported(codec);
        };
    }

    /**
     * @param codec ZSTD or UNCOMPRESSED
     * @return a decompressor
     * @throws IllegalArgumentException for any other codec
     */
    @Override
    public synchronized BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> Uncompressed.DECOMPRESSOR;
            case ZSTD -> {
                if (decompressor == null) {
                    decompressor = new ZstdDecompressor();
                }
                yield decompressor;
            }
            default -> throw unsupported(codec);
        };
    }

    /** Frees the native contexts. The factory stays usable: later calls create new contexts. */
    @Override
    public synchronized void release() {
        compressors.values().forEach(ZstdCompressor::release);
        compressors.clear();
        if (decompressor != null) {
            decompressor.release();
            decompressor = null;
        }
    }

    private static int checkLevel(int level) {
        if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException("ZSTD level must be between " + Zstd.minCompressionLevel() + " and "
                    + Zstd.maxCompressionLevel() + ", got " + level);
        }
        return level;
    }

    /** @return the bytes as an array, without a copy when they already are one */
    private static byte[] toArray(BytesInput bytes) {
        try (ByteBufferReleaser releaser = new ByteBufferReleaser(HeapByteBufferAllocator.getInstance())) {
            ByteBuffer buf = bytes.toByteBuffer(releaser);
            if (buf.hasArray() && buf.arrayOffset() == 0 && buf.position() == 0
                    && buf.limit() == buf.array().length) {
                return buf.array();
            }
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        }
    }

    private static IllegalArgumentException unsupported(CompressionCodecName codec) {
        return new IllegalArgumentException("Parquet codec " + codec + " is not supported (ZSTD or UNCOMPRESSED)");
    }

    /** ZSTD at one level over one reusable native context. */
    private static final class ZstdCompressor implements BytesInputCompressor {
        private final ZstdCompressCtx ctx;

        ZstdCompressor(int level) {
            ctx = new ZstdCompressCtx().setLevel(level);
        }

        @Override
        public synchronized BytesInput compress(BytesInput bytes) throws IOException {
            try {
                return BytesInput.from(ctx.compress(toArray(bytes)));
            } catch (ZstdException e) {
                throw new IOException("ZSTD compression failed: " + e.getMessage(), e);
            }
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public synchronized void release() {
            ctx.close();
        }
    }

    /** ZSTD decompression over one reusable native context. */
    private static final class ZstdDecompressor implements BytesInputDecompressor {
        private final ZstdDecompressCtx ctx = new ZstdDecompressCtx();

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            return BytesInput.from(decompress(toArray(bytes), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(decompress(compressed, decompressedSize));
        }

        private synchronized byte[] decompress(byte[] compressed, int decompressedSize) throws IOException {
            byte[] out;
            try {
                out = ctx.decompress(compressed, decompressedSize);
            } catch (ZstdException e) {
                throw new IOException("Corrupt ZSTD page: " + e.getMessage(), e);
            }
            if (out.length != decompressedSize) {
                throw new IOException("Corrupt ZSTD page: " + out.length + " bytes, expected " + decompressedSize);
            }
            return out;
        }

        @Override
        public synchronized void release() {
            ctx.close();
        }
    }

    /** The identity codec. */
    private static final class Uncompressed {
        static final BytesInputCompressor COMPRESSOR = new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) {
                return bytes;
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.UNCOMPRESSED;
            }

            @Override
            public void release() {
                // stateless
            }
        };

        static final BytesInputDecompressor DECOMPRESSOR = new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int decompressedSize) {
                return bytes;
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) {
                ByteBuffer slice = input.slice();
                slice.limit(compressedSize);
                output.put(slice);
                input.position(input.position() + compressedSize);
            }

            @Override
            public void release() {
                // stateless
            }
        };

        private Uncompressed() {
        }
    }
}
