package io.kalamdb.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.RangeScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage credentials at rest: AES-256-GCM with a key file outside RocksDB. */
class CredentialCipherTest {
    @TempDir
    Path dir;

    @Test
    void encryptsWithFreshNoncesBoundToTheStorage() {
        CredentialCipher cipher = CredentialCipher.open(dir.resolve("credentials.key"));
        StorageId archive = new StorageId("archive");
        String a = cipher.encrypt("{\"secret\":\"hunter2\"}", archive);
        String b = cipher.encrypt("{\"secret\":\"hunter2\"}", archive);
        assertTrue(a.startsWith("v1:"), a);
        assertFalse(a.contains("hunter2"));
        assertNotEquals(a, b);
        assertEquals("{\"secret\":\"hunter2\"}", cipher.decrypt(a, archive));
        assertThrows(KalamException.class, () -> cipher.decrypt(a, new StorageId("other")));
        String tampered = a.substring(0, a.length() - 2) + (a.endsWith("A=") ? "B=" : "A=");
        assertThrows(KalamException.class, () -> cipher.decrypt(tampered, archive));
        CredentialCipher otherKey = CredentialCipher.open(dir.resolve("other.key"));
        assertThrows(KalamException.class, () -> otherKey.decrypt(a, archive));
        assertEquals(null, cipher.encrypt(null, archive));
    }

    @Test
    void theKeyFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        Path keyFile = dir.resolve("credentials.key");
        String sealed = CredentialCipher.open(keyFile).encrypt("{}", new StorageId("s"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals("{}", CredentialCipher.open(keyFile).decrypt(sealed, new StorageId("s")));
    }

    @Test
    void credentialsAreNeverInPlaintextInRocksDbAndSurviveRestarts() {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.run(EngineFixture.root(), "CREATE STORAGE archive TYPE 'filesystem' PATH 'archive' "
                    + "CREDENTIALS '{\"access_key\":\"AKIA-hunter2\"}'");
            assertFalse(rawStorages(db.engine().store()).contains("hunter2"));
            db.restart();
            assertEquals("{\"access_key\":\"AKIA-hunter2\"}",
                    db.engine().storages().get(new StorageId("archive")).credentials());
            assertFalse(rawStorages(db.engine().store()).contains("hunter2"));
        }
        assertTrue(Files.exists(dir.resolve(Storages.CREDENTIALS_KEY_FILE)));
    }

    @Test
    void credentialsWrittenBeforeEncryptionAreEncryptedOnOpen() {
        try (EngineFixture db = new EngineFixture(dir)) {
            KalamStore store = db.engine().store();
            String legacy = "{\"id\":\"old\",\"type\":\"filesystem\",\"base_path\":\"old\","
                    + "\"shared_tables_template\":\"{namespace}/{tableName}\","
                    + "\"user_tables_template\":\"{namespace}/{tableName}/{userId}\",\"description\":null,"
                    + "\"credentials\":\"{\\\"k\\\":\\\"plain-hunter2\\\"}\",\"created_at\":1,\"updated_at\":1}";
            store.commit(store.newBatch().put(store.partition(KalamStore.SYSTEM_STORAGES),
                    "old".getBytes(StandardCharsets.UTF_8), legacy.getBytes(StandardCharsets.UTF_8)));
            assertTrue(rawStorages(store).contains("plain-hunter2"));
            db.restart();
            assertFalse(rawStorages(db.engine().store()).contains("plain-hunter2"));
            assertEquals("{\"k\":\"plain-hunter2\"}", db.engine().storages().get(new StorageId("old")).credentials());
        }
    }

    private static String rawStorages(KalamStore store) {
        StringBuilder all = new StringBuilder();
        try (RangeScan scan = store.scan(store.partition(KalamStore.SYSTEM_STORAGES), null, null, null)) {
            while (scan.hasNext()) {
                KeyValue kv = scan.next();
                all.append(new String(kv.value(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
