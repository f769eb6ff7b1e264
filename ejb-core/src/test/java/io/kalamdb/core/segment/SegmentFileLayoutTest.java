package io.kalamdb.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.TableDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file as other Parquet readers see it: codec, field ids, repetition, statistics, indexes, metadata. */
class SegmentFileLayoutTest {
    private static final TableDefinition TABLE = SegmentRoundTripTest.EVERY_TYPE;

    @TempDir
    Path dir;

    private static ParquetMetadata footer(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ZstdCodecFactory()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            return reader.getFooter();
        }
    }

    @Test
    void pagesAreZstdCompressedByDefaultAndUncompressedOnRequest() throws IOException {
        Path zstd = dir.resolve("zstd.parquet");
        Path plain = dir.resolve("plain.parquet");
        SegmentFixture.write(zstd, TABLE, SegmentWriter.Options.defaults(), SegmentRoundTripTest.everyTypeRows());
        SegmentFixture.write(plain, TABLE, SegmentWriter.Options.defaults()
                .withCodec(CompressionCodecName.UNCOMPRESSED), SegmentRoundTripTest.everyTypeRows());

        for (ColumnChunkMetaData chunk : footer(zstd).getBlocks().get(0).getColumns()) {
            assertEquals(CompressionCodecName.ZSTD, chunk.getCodec(), chunk.getPath().toDotString());
        }
        for (ColumnChunkMetaData chunk : footer(plain).getBlocks().get(0).getColumns()) {
            assertEquals(CompressionCodecName.UNCOMPRESSED, chunk.getCodec(), chunk.getPath().toDotString());
        }
        assertEquals(SegmentFixture.readAll(zstd).size(), SegmentFixture.readAll(plain).size());
    }

    @Test
    void schemaCarriesFieldIdsRepetitionAndFooterMetadata() throws IOException {
        Path file = dir.resolve("layout.parquet");
        SegmentFixture.write(file, TABLE, SegmentWriter.Options.defaults(), SegmentRoundTripTest.everyTypeRows());
        ParquetMetadata footer = footer(file);
        MessageType schema = footer.getFileMetaData().getSchema();

        assertEquals("_seq", schema.getType(0).getName());
        assertEquals("_deleted", schema.getType(1).getName());
        assertTrue(schema.getType(0).isRepetition(Type.Repetition.REQUIRED));
        for (ColumnDefinition c : TABLE.columns()) {
            Type field = schema.getType(c.name());
            assertEquals(c.columnId(), field.getId().intValue(), c.name());
            assertEquals(c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED,
                    field.getRepetition(), c.name());
        }
        assertEquals("required int64 id (INTEGER(64,true)) = 0", schema.getType("id").toString());
        assertEquals("optional fixed_len_byte_array(16) dec38 (DECIMAL(38,10)) = 9",
                schema.getType("dec38").toString());
        assertEquals("optional int64 ts (TIMESTAMP(MICROS,false)) = 15", schema.getType("ts").toString());
        assertEquals("optional int64 dtm (TIMESTAMP(MICROS,true)) = 16", schema.getType("dtm").toString());
        assertEquals("optional fixed_len_byte_array(16) u (UUID) = 17", schema.getType("u").toString());
        assertEquals("optional binary j (STRING) = 12", schema.getType("j").toString());

        Map<String, String> kv = footer.getFileMetaData().getKeyValueMetaData();
        assertEquals("1", kv.get("kalamdb.segment.format"));
        assertEquals("app.events", kv.get("kalamdb.table"));
        assertEquals("1", kv.get("kalamdb.schema_version"));
        assertEquals("0", kv.get("kalamdb.primary_key_column_id"));
    }

    @Test
    void statisticsPageIndexesAndAPrimaryKeyBloomFilterAreWritten() throws IOException {
        Path file = dir.resolve("indexes.parquet");
        SegmentFixture.write(file, TABLE, SegmentWriter.Options.defaults(), SegmentRoundTripTest.everyTypeRows());
        BlockMetaData block = footer(file).getBlocks().get(0);
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            String name = chunk.getPath().toDotString();
            assertTrue(chunk.getStatistics().isNumNullsSet(), name);
            assertNotNull(chunk.getColumnIndexReference(), name + " column index");
            assertNotNull(chunk.getOffsetIndexReference(), name + " offset index");
            assertEquals(name.equals("id"), chunk.getBloomFilterOffset() >= 0, name + " bloom filter");
        }
        ColumnChunkMetaData id = block.getColumns().stream().filter(c -> c.getPath().toDotString().equals("id"))
                .findFirst().orElseThrow();
        assertEquals(Long.MIN_VALUE, id.getStatistics().genericGetMin());
        assertEquals(7L, id.getStatistics().genericGetMax());
        assertTrue(id.getBloomFilterLength() <= 1024 + 64, "a 4-row group gets the smallest bloom filter, got "
                + id.getBloomFilterLength());
    }

    private static byte[] bytes(BytesInput in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.writeAllTo(out);
        return out.toByteArray();
    }

    @Test
    void zstdFactoryRoundTripsBytesThroughBothDecompressionPaths() throws IOException {
        ZstdCodecFactory factory = new ZstdCodecFactory(3);
        byte[] page = "kalamdb ".repeat(5000).getBytes(StandardCharsets.UTF_8);
        BytesInputCompressor compressor = factory.getCompressor(CompressionCodecName.ZSTD);
        byte[] compressed = bytes(compressor.compress(BytesInput.from(page)));
        assertTrue(compressed.length < page.length / 20, "compressed to " + compressed.length);

        BytesInputDecompressor decompressor = factory.getDecompressor(CompressionCodecName.ZSTD);
        assertArrayEquals(page, bytes(decompressor.decompress(BytesInput.from(compressed), page.length)));
        ByteBuffer in = ByteBuffer.allocate(compressed.length + 3).put(compressed).put(new byte[3]).flip();
        ByteBuffer out = ByteBuffer.allocate(page.length);
        decompressor.decompress(in, compressed.length, out, page.length);
        assertEquals(compressed.length, in.position(), "input consumed");
        assertArrayEquals(page, out.array());
        assertThrows(IOException.class, () -> decompressor.decompress(BytesInput.from(compressed), page.length + 1));

        factory.release();
        assertArrayEquals(page, bytes(factory.getDecompressor(CompressionCodecName.ZSTD)
                .decompress(BytesInput.from(compressed), page.length)), "usable after release");
        assertThrows(IllegalArgumentException.class, () -> factory.getCompressor(CompressionCodecName.SNAPPY));
        assertThrows(IllegalArgumentException.class, () -> new ZstdCodecFactory(99));
        factory.release();
    }
}
