package io.kalamdb.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.KeyCodec;
import io.kalamdb.core.store.KeyValue;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.SnowflakeIdGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The append-only audit log ({@code system.audit_log}), kept in the {@code system_audit_log} column family:
 * key = the entry's Snowflake id as 8 big-endian bytes (so keys sort by time), value = the entry as a JSON
 * object. There is no update or delete: entries are only appended and listed. Thread-safe.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KalamStore store;
    private final Partition partition;
    private final SnowflakeIdGenerator ids;
    private final LongSupplier clock;

    /**
     * @param store the store holding {@link KalamStore#SYSTEM_AUDIT_LOG}
     * @param ids   the engine's id generator (entry ids)
     * @param clock entry timestamps, epoch milliseconds
     */
    public AuditLog(KalamStore store, SnowflakeIdGenerator ids, LongSupplier clock) {
        this.store = store;
        this.partition = store.partition(KalamStore.SYSTEM_AUDIT_LOG);
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Appends one entry and commits it (durable per the store's tier when this returns).
     *
     * @param action    what was done
     * @param actor     who did it, or null when unknown
     * @param target    what it was done to, or null
     * @param details   a secret-free JSON object, or null
     * @param ipAddress the client's address, or null when unknown
     * @param subject   the user concerned, or null
     * @return the stored entry
     * @throws KalamException INTERNAL_ERROR if the store cannot write
     */
    public AuditEntry append(AuditAction action, UserId actor, String target, String details, String ipAddress,
                             UserId subject) {
        AuditEntry entry = new AuditEntry(ids.nextId(), clock.getAsLong(), actor, action, target, details,
                ipAddress, subject);
        store.commit(store.newBatch().put(partition, KeyCodec.encodeLong(entry.auditId()), encode(entry)));
        return entry;
    }

    /**
     * @return every entry, oldest first
     * @throws KalamException INTERNAL_ERROR if an entry cannot be read
     */
    public List<AuditEntry> entries() {
        List<AuditEntry> out = new ArrayList<>();
        try (RangeScan scan = store.scan(partition, null, null, null)) {
            while (scan.hasNext()) {
                KeyValue kv = scan.next();
                out.add(decode(KeyCodec.decodeLong(kv.key(), 0), kv.value()));
            }
        }
        return out;
    }

    private static byte[] encode(AuditEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", e.timestampMillis());
        node.put("actor_user_id", e.actor() == null ? null : e.actor().value());
        node.put("action", e.action().wireName());
        node.put("target", e.target());
        node.put("details", e.details());
        node.put("ip_address", e.ipAddress());
        node.put("subject_user_id", e.subject() == null ? null : e.subject().value());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException ex) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encode audit entry", ex);
        }
    }

    private static AuditEntry decode(long id, byte[] value) {
        try {
            JsonNode n = JSON.readTree(value);
            return new AuditEntry(id, n.get("timestamp").asLong(), user(n, "actor_user_id"),
                    AuditAction.fromWireName(n.get("action").asText()), text(n, "target"), text(n, "details"),
                    text(n, "ip_address"), user(n, "subject_user_id"));
        } catch (IOException | IllegalArgumentException ex) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot decode audit entry " + id, ex);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static UserId user(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : new UserId(v);
    }
}
