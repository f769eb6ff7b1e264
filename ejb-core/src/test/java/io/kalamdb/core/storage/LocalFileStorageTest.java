package io.kalamdb.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.storage.StorageBackend.PendingFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local filesystem backend: pending files, atomic writes, list / delete / size, and path confinement. */
class LocalFileStorageTest {
    @TempDir
    Path dir;
    private Path base;
    private LocalFileStorage storage;

    @BeforeEach
    void open() {
        base = dir.resolve("storage");
        storage = new LocalFileStorage(base);
    }

    private static void write(PendingFile file, String text) throws IOException {
        try (OutputStream out = file.output().create(0)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String read(LocalFileStorage storage, String path) throws IOException {
        try (SeekableInputStream in = storage.open(path).newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> hiddenFilesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aPendingFileIsInvisibleUntilCommittedThenAppearsWhole() throws IOException {
        try (PendingFile file = storage.create("chat/messages/alice/batch-1.parquet")) {
            write(file, "segment one");
            Path folder = base.resolve("chat/messages/alice");
            assertFalse(Files.exists(folder.resolve("batch-1.parquet")));
            List<String> temps = hiddenFilesIn(folder);
            assertEquals(1, temps.size());
            assertTrue(temps.get(0).matches("\\.batch-1\\.parquet\\.tmp-[0-9a-f]{16}"), temps.get(0));
            file.commit();
            assertEquals(List.of(), hiddenFilesIn(folder));
        }
        assertEquals("segment one", read(storage, "chat/messages/alice/batch-1.parquet"));
        assertEquals(List.of("batch-1.parquet"), storage.list("chat/messages/alice"));
        assertEquals(11, storage.size("chat/messages/alice/batch-1.parquet"));
    }

    @Test
    void closingAnUncommittedPendingFileRemovesItsTemporaryFile() throws IOException {
        try (PendingFile file = storage.create("chat/typing/batch-7.parquet")) {
            write(file, "half a segment");
        }
        assertEquals(List.of(), storage.list("chat/typing"));
        assertEquals(List.of(), hiddenFilesIn(base.resolve("chat/typing")));
    }

    @Test
    void aPendingFileCommitsOnceAndNeedsOutput() throws IOException {
        try (PendingFile file = storage.create("t/empty.parquet")) {
            assertThrows(NoSuchFileException.class, file::commit);
        }
        PendingFile file = storage.create("t/once.parquet");
        write(file, "x");
        file.commit();
        assertThrows(IllegalStateException.class, file::commit);
        file.close();
        file.close();
        assertEquals("x", read(storage, "t/once.parquet"));
    }

    @Test
    void aParquetWriterWritesThroughAPendingFileAndAReaderReadsItBack() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message row { required int64 _seq; required binary body (UTF8); }");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (PendingFile file = storage.create("chat/rooms/batch-1.parquet")) {
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file.output())
                    .withConf(new PlainParquetConfiguration()).withType(schema)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
                for (long seq = 1; seq <= 3; seq++) {
                    writer.write(rows.newGroup().append("_seq", seq).append("body", "row " + seq));
                }
            }
            file.commit();
        }
        try (ParquetFileReader reader = ParquetFileReader.open(storage.open("chat/rooms/batch-1.parquet"),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            assertEquals(3, reader.getRecordCount());
            assertEquals(schema, reader.getFileMetaData().getSchema());
        }
    }

    @Test
    void writeAtomicallyReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        storage.writeAtomically("chat/messages/manifest.json", "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
        storage.writeAtomically("chat/messages/manifest.json", "{\"v\":22}".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("{\"v\":22}".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(base.resolve("chat/messages/manifest.json")));
        assertEquals(List.of("manifest.json"), storage.list("chat/messages"));
        assertEquals(List.of(), hiddenFilesIn(base.resolve("chat/messages")));
    }

    @Test
    void listNamesRegularFilesSortedAndIsEmptyForAMissingDirectory() throws IOException {
        storage.writeAtomically("t/batch-2.parquet", new byte[] {2});
        storage.writeAtomically("t/batch-10.parquet", new byte[] {10});
        storage.writeAtomically("t/a/nested.parquet", new byte[] {1});
        storage.writeAtomically("top.json", new byte[] {0});
        assertEquals(List.of("batch-10.parquet", "batch-2.parquet"), storage.list("t"));
        assertEquals(List.of("top.json"), storage.list(""));
        assertEquals(List.of(), storage.list("nowhere/at/all"));
        assertThrows(NotDirectoryException.class, () -> storage.list("top.json"));
    }

    @Test
    void deleteRemovesAFileAndIgnoresAMissingOne() throws IOException {
        storage.writeAtomically("t/batch-1.parquet", new byte[] {1, 2, 3});
        assertEquals(3, storage.size("t/batch-1.parquet"));
        storage.delete("t/batch-1.parquet");
        storage.delete("t/batch-1.parquet");
        storage.delete("never/was.parquet");
        assertEquals(List.of(), storage.list("t"));
        assertThrows(NoSuchFileException.class, () -> storage.size("t/batch-1.parquet"));
        assertThrows(NoSuchFileException.class, () -> storage.open("t/batch-1.parquet"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.parquet", "a/../../outside.parquet", "/etc/passwd", "a//b", "a/./b",
        "..", ".", "", "a/", "a\\..\\..\\b"})
    void pathsThatCouldLeaveTheBaseDirectoryAreRefused(String path) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> storage.create(path));
        assertThrows(IllegalArgumentException.class, () -> storage.open(path));
        assertThrows(IllegalArgumentException.class, () -> storage.writeAtomically(path, new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> storage.delete(path));
        assertThrows(IllegalArgumentException.class, () -> storage.size(path));
        if (!path.isEmpty()) {
            assertThrows(IllegalArgumentException.class, () -> storage.list(path));
        }
        assertFalse(Files.exists(dir.resolve("outside.parquet")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(dir), all.toList(), "nothing may be written for " + path);
        }
    }

    @Test
    void theBaseDirectoryIsAbsoluteAndNormalised() {
        assertEquals(base.toAbsolutePath().normalize(),
                new LocalFileStorage(dir.resolve("x/../storage")).baseDirectory());
    }
}
