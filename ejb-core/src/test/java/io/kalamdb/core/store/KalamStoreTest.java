package io.kalamdb.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalamStoreTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void partitionsAndDataSurviveReopen() {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            Partition p = store.createPartition("user:app:notes");
            StoreBatch batch = store.newBatch().put(p, b("k1"), b("v1")).put(p, b("k2"), b("v2"));
            store.commit(batch);
        }
        try (KalamStore store = KalamStore.open(dir, Durability.STRICT)) {
            assertTrue(store.hasPartition("user:app:notes"));
            assertTrue(store.hasPartition(KalamStore.SYSTEM_TABLES));
            assertArrayEquals(b("v2"), store.get(store.partition("user:app:notes"), b("k2")));
        }
    }

    @Test
    void scanHonoursBoundsAndSnapshots() {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            Partition p = store.createPartition("shared:app:t");
            store.commit(store.newBatch().put(p, b("a"), b("1")).put(p, b("b"), b("2")).put(p, b("c"), b("3")));
            try (StoreSnapshot snap = store.snapshot()) {
                store.commit(store.newBatch().delete(p, b("b")).put(p, b("bb"), b("4")));
                assertEquals(List.of("a", "b"), keys(store.scan(p, b("a"), b("c"), snap)));
                assertEquals(List.of("a", "bb"), keys(store.scan(p, b("a"), b("c"), null)));
            }
            assertEquals(List.of("bb", "c"), keys(store.scan(p, b("b"), null, null)));
        }
    }

    @Test
    void dropPartitionRemovesData() {
        try (KalamStore store = KalamStore.open(dir, Durability.RELAXED)) {
            Partition p = store.createPartition("shared:app:gone");
            store.commit(store.newBatch().put(p, b("a"), b("1")));
            store.dropPartition("shared:app:gone");
            assertFalse(store.hasPartition("shared:app:gone"));
            Partition again = store.createPartition("shared:app:gone");
            assertNull(store.get(again, b("a")));
        }
    }

    private static List<String> keys(RangeScan scan) {
        List<String> out = new ArrayList<>();
        try (scan) {
            scan.forEachRemaining(kv -> out.add(new String(kv.key(), StandardCharsets.UTF_8)));
        }
        return out;
    }
}
