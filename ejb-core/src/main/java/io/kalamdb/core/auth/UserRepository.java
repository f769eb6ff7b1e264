package io.kalamdb.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.Partition;
import io.kalamdb.core.store.RangeScan;
import io.kalamdb.core.store.StoreBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users persisted in the {@code system_users} column family (key: user id UTF-8, value: JSON) and cached in
 * memory, since every request resolves its user. Writes are serialised.
 */
public final class UserRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KalamStore store;
    private final Partition users;
    private final Map<UserId, UserRecord> cache = new ConcurrentHashMap<>();

    /** Loads every user. */
    public UserRepository(KalamStore store) {
        this.store = store;
        this.users = store.partition(KalamStore.SYSTEM_USERS);
        try (RangeScan scan = store.scan(users, null, null, null)) {
            scan.forEachRemaining(kv -> {
                UserRecord u = decode(kv.value());
                cache.put(u.id(), u);
            });
        }
    }

    /** @return the user, deleted or not */
    public Optional<UserRecord> find(UserId id) {
        return Optional.ofNullable(cache.get(id));
    }

    /** @return every user, deleted included, by id */
    public List<UserRecord> all() {
        List<UserRecord> out = new ArrayList<>(cache.values());
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /** Stores (creates or replaces) a user record durably. */
    public synchronized void save(UserRecord user) {
        store.commit(store.newBatch().put(users, user.id().value().getBytes(StandardCharsets.UTF_8), encode(user)));
        cache.put(user.id(), user);
    }

    /**
     * Removes for good, in one atomic batch, every user soft-deleted before {@code epochMillis}. Serialised with
     * {@link #save}, so a user restored meanwhile is kept.
     *
     * @param epochMillis the cut-off, epoch milliseconds
     * @return the ids of the removed users
     */
    public synchronized List<UserId> removeDeletedBefore(long epochMillis) {
        List<UserId> removed = new ArrayList<>();
        StoreBatch batch = store.newBatch();
        for (UserRecord u : cache.values()) {
            if (u.deletedAt() != null && u.deletedAt() < epochMillis) {
                batch.delete(users, u.id().value().getBytes(StandardCharsets.UTF_8));
                removed.add(u.id());
            }
        }
        store.commit(batch);
        removed.forEach(cache::remove);
        return removed;
    }

    private static byte[] encode(UserRecord u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("user_id", u.id().value());
        n.put("password_hash", u.passwordHash());
        n.put("role", u.role().wireName());
        n.put("email", u.email());
        n.put("created_at", u.createdAt());
        n.put("updated_at", u.updatedAt());
        n.put("last_seen", u.lastSeen());
        n.put("deleted_at", u.deletedAt());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encode user", e);
        }
    }

    private static UserRecord decode(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            return new UserRecord(new UserId(n.get("user_id").asText()), text(n, "password_hash"),
                    Role.parse(n.get("role").asText()), text(n, "email"), n.get("created_at").asLong(),
                    n.get("updated_at").asLong(), optLong(n, "last_seen"), optLong(n, "deleted_at"));
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt user record", e);
        }
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long optLong(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asLong();
    }
}
