package io.kalamdb.core.auth;

import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.util.Optional;

/**
 * A user as stored in {@code system_users} and shown (without the hash) in {@code system.users}. The user
 * id equals the username: it names the user's partitions.
 *
 * @param id           user id (= username)
 * @param passwordHash bcrypt hash, or null when no password is set (root in development)
 * @param role         the role
 * @param email        e-mail address, or null
 * @param createdAt    epoch milliseconds
 * @param updatedAt    epoch milliseconds
 * @param lastSeen     epoch milliseconds of the last authenticated request (kept to
 *                     {@link UserRepository#LAST_SEEN_GRANULARITY_MILLIS}), or null
 * @param lastLoginAt  epoch milliseconds of the last successful password login, or null
 * @param deletedAt    epoch milliseconds of the soft delete, or null while active
 */
public record UserRecord(UserId id, String passwordHash, Role role, String email, long createdAt, long updatedAt,
                         Long lastSeen, Long lastLoginAt, Long deletedAt) {

    /**
     * A user being created: a new record, or — if {@code existing} is a soft-deleted user of that name — that user
     * restored (same {@code created_at}), with the new hash, role and e-mail. The caller checked that no active user
     * has the name.
     *
     * @param existing the stored record of that name, if any
     * @param now      epoch milliseconds
     * @return the record to store
     */
    public static UserRecord createdOrRestored(Optional<UserRecord> existing, UserId id, String hash, Role role,
                                               String email, long now) {
        return existing.map(u -> u.restored(hash, role, email, now))
                .orElseGet(() -> new UserRecord(id, hash, role, email, now, now, null, null, null));
    }

    /** @return true unless soft-deleted */
    public boolean active() {
        return deletedAt == null;
    }

    /** @return a copy with another password hash */
    public UserRecord withPasswordHash(String hash, long now) {
        return new UserRecord(id, hash, role, email, createdAt, now, lastSeen, lastLoginAt, deletedAt);
    }

    /** @return a copy with another role */
    public UserRecord withRole(Role newRole, long now) {
        return new UserRecord(id, passwordHash, newRole, email, createdAt, now, lastSeen, lastLoginAt, deletedAt);
    }

    /** @return a copy with another e-mail */
    public UserRecord withEmail(String newEmail, long now) {
        return new UserRecord(id, passwordHash, role, newEmail, createdAt, now, lastSeen, lastLoginAt, deletedAt);
    }

    /** @return a soft-deleted copy */
    public UserRecord deleted(long now) {
        return new UserRecord(id, passwordHash, role, email, createdAt, now, lastSeen, lastLoginAt, now);
    }

    /** @return a copy restored from a soft delete, with a new hash and role */
    public UserRecord restored(String hash, Role newRole, String newEmail, long now) {
        return new UserRecord(id, hash, newRole, newEmail, createdAt, now, lastSeen, lastLoginAt, null);
    }

    /** @return a copy last seen at {@code now} */
    public UserRecord seen(long now) {
        return new UserRecord(id, passwordHash, role, email, createdAt, updatedAt, now, lastLoginAt, deletedAt);
    }

    /** @return a copy that logged in (and so was seen) at {@code now} */
    public UserRecord loggedIn(long now) {
        return new UserRecord(id, passwordHash, role, email, createdAt, updatedAt, now, now, deletedAt);
    }
}
