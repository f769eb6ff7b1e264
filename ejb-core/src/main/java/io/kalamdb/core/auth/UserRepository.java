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
import java.util.function.Supplier;

/**
 * Users persisted in the {@code system_users} column family (key: user id UTF-8, value: JSON) and cached in
 * memory, since every request resolves its user. Writes are serialised; {@link #saveAll} stores several users
 * atomically.
 */
public final class UserRepository {
    /** {@code last_seen} is written at most once per this many milliseconds per user (one minute). */
    public static final long LAST_SEEN_GRANULARITY_MILLIS = 60_000;

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
        saveAll(() -> List.of(user));
    }

    /**
     * A compare-and-set over several users: runs {@code change} while holding the repository's write lock — so no
     * other write of this repository comes between what {@code change} reads ({@link #find}) and the commit — and
     * stores the records it returns, created or replaced, in one atomic RocksDB write batch: after a crash either
     * all of them are stored or none. If {@code change} throws, nothing is written and the exception propagates.
     * Keep {@code change} quick (no password hashing): every user write waits for it.
     *
     * @param change reads the current records and returns the ones to store
     * @return the stored records
     */
    public synchronized List<UserRecord> saveAll(Supplier<List<UserRecord>> change) {
        List<UserRecord> records = List.copyOf(change.get());
        try (StoreBatch batch = store.newBatch()) {
            for (UserRecord user : records) {
                batch.put(users, user.id().value().getBytes(StandardCharsets.UTF_8), encode(user));
            }
            store.commit(batch);
        }
        records.forEach(user -> cache.put(user.id(), user));
        return records;
    }

    /**
     * Notes an authenticated request: moves {@code last_seen} to {@code now} when it is at least
     * {@link #LAST_SEEN_GRANULARITY_MILLIS} old, so a busy user costs one write a minute, not one per request.
     * Deleted and unknown users are left alone.
     *
     * @param user the user as {@link #find} returned it (a record changed since is left alone)
     * @param now  epoch milliseconds
     */
    public void seen(UserRecord user, long now) {
        if (user.active() && (user.lastSeen() == null || now - user.lastSeen() >= LAST_SEEN_GRANULARITY_MILLIS)) {
            replaceIfCurrent(user, user.seen(now));
        }
    }

    /** @return root while it has no password (a fresh server's state), else empty */
    public Optional<UserRecord> passwordlessRoot() {
        return find(UserId.ROOT).filter(root -> root.passwordHash() == null);
    }

    /**
     * @param id a user name about to be created
     * @throws KalamException ALREADY_EXISTS "User '…' already exists" if an active user has it
     */
    public void requireNoActive(UserId id) {
        if (find(id).filter(UserRecord::active).isPresent()) {
            throw new KalamException(ErrorCode.ALREADY_EXISTS, "User '" + id + "' already exists");
        }
    }

    /**
     * Notes a successful password login: {@code last_login_at} and {@code last_seen} become {@code now}.
     *
     * @param now epoch milliseconds
     */
    public synchronized void loggedIn(UserId id, long now) {
        UserRecord u = cache.get(id);
        if (u != null) {
            save(u.loggedIn(now));
        }
    }

    /** Saves {@code updated} only if {@code expected} is still the cached record, so no concurrent change is lost. */
    private synchronized void replaceIfCurrent(UserRecord expected, UserRecord updated) {
        if (cache.get(expected.id()) == expected) {
            save(updated);
        }
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
        n.put("last_login_at", u.lastLoginAt());
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
                    n.get("updated_at").asLong(), optLong(n, "last_seen"), optLong(n, "last_login_at"),
                    optLong(n, "deleted_at"));
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
