package io.kalamdb.core.storage;

import static io.kalamdb.core.EngineFixture.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storages service of a real engine: the built-in local storage, persistence, backends and table paths. */
class StoragesTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Storages storages() {
        return db.engine().storages();
    }

    private static StorageDefinition filesystem(String id, String path, String shared, String user,
                                                String credentials) {
        return new StorageDefinition(new StorageId(id), StorageType.FILESYSTEM, path, PathTemplate.parseShared(shared),
                PathTemplate.parseUser(user), null, credentials, 1_000L, 1_000L);
    }

    private TableDefinition table(String id) {
        String[] parts = id.split("\\.");
        return db.engine().catalog().requireTable(TableId.of(parts[0], parts[1]));
    }

    @Test
    void theLocalStorageIsCreatedOnFirstOpenUnderTheDataDirectory() {
        StorageDefinition local = storages().get(StorageId.LOCAL);
        assertEquals(StorageType.FILESYSTEM, local.type());
        assertEquals("storage", local.basePath());
        assertEquals("{namespace}/{tableName}", local.sharedTablesTemplate().text());
        assertEquals("{namespace}/{tableName}/{userId}", local.userTablesTemplate().text());
        assertNull(local.credentials());
        assertTrue(local.createdAt() > 0);
        assertTrue(Files.isDirectory(dir.resolve("storage")));
        assertEquals(dir.resolve("storage").toAbsolutePath().normalize(),
                ((LocalFileStorage) storages().backend(StorageId.LOCAL)).baseDirectory());
    }

    @Test
    void storagesSurviveARestartUnchanged() {
        StorageDefinition local = storages().get(StorageId.LOCAL);
        StorageDefinition archive = storages().create(filesystem("archive", "archive", "s/{namespace}/{tableName}",
                "u/{namespace}/{tableName}/{shard}/{userId}", "{\"key\": \"secret\"}"));
        db.restart();
        assertEquals(List.of(local, archive), storages().list());
        assertEquals("{\"key\":\"secret\"}", storages().get(new StorageId("archive")).credentials());
    }

    @Test
    void listPutsLocalFirstThenOrdersById() {
        storages().create(filesystem("zeta", "z", PathTemplate.DEFAULT_SHARED, PathTemplate.DEFAULT_USER, null));
        storages().create(filesystem("archive", "a", PathTemplate.DEFAULT_SHARED, PathTemplate.DEFAULT_USER, null));
        storages().create(filesystem("_first", "f", PathTemplate.DEFAULT_SHARED, PathTemplate.DEFAULT_USER, null));
        assertEquals(List.of("local", "_first", "archive", "zeta"),
                storages().list().stream().map(d -> d.id().value()).toList());
    }

    @Test
    void partitionPathFillsTheTemplateOfTheTablesStorage() {
        storages().create(filesystem("archive", "archive", "shared/{namespace}/{tableName}",
                "users/{namespace}/{tableName}/{shard}/{userId}", null));
        db.run(root(), "CREATE NAMESPACE chat");
        db.run(root(), "CREATE SHARED TABLE chat.rooms (id BIGINT PRIMARY KEY)");
        db.run(root(), "CREATE USER TABLE chat.messages (id BIGINT PRIMARY KEY)");
        db.run(root(), "CREATE STREAM TABLE chat.typing (id BIGINT PRIMARY KEY) WITH (TTL_SECONDS = 5)");
        db.run(root(), "CREATE USER TABLE chat.notes (id BIGINT PRIMARY KEY) WITH (STORAGE_ID = 'archive')");
        UserId alice = new UserId("alice");
        assertEquals("chat/rooms", storages().partitionPath(table("chat.rooms"), null));
        assertEquals("chat/messages/alice", storages().partitionPath(table("chat.messages"), alice));
        assertEquals("chat/typing/alice", storages().partitionPath(table("chat.typing"), alice));
        assertEquals("users/chat/notes/47/alice", storages().partitionPath(table("chat.notes"), alice));
        assertThrows(IllegalArgumentException.class, () -> storages().partitionPath(table("chat.rooms"), alice));
        assertThrows(IllegalArgumentException.class, () -> storages().partitionPath(table("chat.messages"), null));
    }

    @Test
    void theBackendOfAStorageWritesBelowItsBaseDirectory() throws IOException {
        Path elsewhere = dir.resolve("elsewhere");
        storages().create(filesystem("archive", "archive", PathTemplate.DEFAULT_SHARED, PathTemplate.DEFAULT_USER,
                null));
        storages().create(filesystem("mounted", elsewhere.toString(), PathTemplate.DEFAULT_SHARED,
                PathTemplate.DEFAULT_USER, null));
        assertTrue(Files.isDirectory(dir.resolve("archive")), "CREATE makes the base directory");
        storages().backend(new StorageId("archive")).writeAtomically("chat/rooms/manifest.json",
                "{}".getBytes(StandardCharsets.UTF_8));
        storages().backend(new StorageId("mounted")).writeAtomically("chat/rooms/manifest.json",
                "[]".getBytes(StandardCharsets.UTF_8));
        assertEquals("{}", Files.readString(dir.resolve("archive/chat/rooms/manifest.json")));
        assertEquals("[]", Files.readString(elsewhere.resolve("chat/rooms/manifest.json")));
    }

    @Test
    void aStorageMayNotOverlapTheRocksDbDirectory() {
        for (String path : List.of("rocksdb", "rocksdb/cold", ".", dir.toString(), "/")) {
            KalamException e = assertThrows(KalamException.class, () -> storages().create(filesystem("bad", path,
                    PathTemplate.DEFAULT_SHARED, PathTemplate.DEFAULT_USER, null)), path);
            assertEquals(ErrorCode.INVALID_SQL, e.code());
            assertTrue(e.getMessage().contains("overlaps the RocksDB directory"), e.getMessage());
        }
        assertFalse(storages().find(new StorageId("bad")).isPresent());
    }

    @Test
    void credentialsMustBeAJsonObjectAndNeverPrint() {
        for (String bad : List.of("secret", "[1,2]", "\"text\"", "{\"a\":")) {
            KalamException e = assertThrows(KalamException.class, () -> storages().create(filesystem("s3ish", "x",
                    PathTemplate.DEFAULT_SHARED, PathTemplate.DEFAULT_USER, bad)), bad);
            assertEquals(ErrorCode.INVALID_SQL, e.code());
        }
        StorageDefinition def = storages().create(filesystem("vault", "v", PathTemplate.DEFAULT_SHARED,
                PathTemplate.DEFAULT_USER, "{ \"token\" : \"hunter2\" }"));
        assertEquals("{\"token\":\"hunter2\"}", def.credentials());
        assertEquals(StorageDefinition.MASK, def.maskedCredentials());
        assertFalse(def.toString().contains("hunter2"), def.toString());
    }

    @Test
    void aMissingStorageIsNotFound() {
        KalamException e = assertThrows(KalamException.class, () -> storages().get(new StorageId("nope")));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(KalamException.class,
                () -> storages().backend(new StorageId("nope"))).code());
        assertFalse(storages().drop(new StorageId("nope")));
    }
}
