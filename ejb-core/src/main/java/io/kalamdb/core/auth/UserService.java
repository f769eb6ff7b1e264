package io.kalamdb.core.auth;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * User lifecycle: create (or restore a soft-deleted user), change password / role / e-mail, soft delete.
 * Permission checks go through the {@link AccessPolicy}; passwords are hashed with bcrypt
 * ({@link PasswordHasher}) and never stored or returned in clear.
 */
public final class UserService {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccessPolicy policy;
    private final LongSupplier clock;
    private final PasswordPolicy passwords;

    /**
     * Creates the service.
     *
     * @param clock current time, epoch milliseconds (created, updated and deleted times)
     */
    public UserService(UserRepository users, PasswordHasher hasher, AccessPolicy policy, PasswordPolicy passwords,
                       LongSupplier clock) {
        this.users = users;
        this.passwords = passwords;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Creates {@code root} (role system, no password) on first start, and sets its password from
     * configuration when one is given.
     *
     * @param rootPassword the configured root password, or null to leave root as it is
     */
    public void bootstrapRoot(String rootPassword) {
        long now = clock.getAsLong();
        UserRecord root = users.find(UserId.ROOT).orElse(null);
        if (root == null) {
            root = new UserRecord(UserId.ROOT, null, Role.SYSTEM, null, now, now, null, null, null);
            users.save(root);
        }
        if (rootPassword != null && !rootPassword.isEmpty()
                && (root.passwordHash() == null || !hasher.verify(rootPassword.toCharArray(), root.passwordHash()))) {
            users.save(root.withPasswordHash(hasher.hash(rootPassword.toCharArray()), now));
        }
    }

    /** @return the active user, if any */
    public Optional<UserRecord> active(UserId id) {
        return users.find(id).filter(UserRecord::active);
    }

    /**
     * @param caller   who asks (dba or system)
     * @param id       the new user's id (= username)
     * @param password clear-text password
     * @param role     user, service or dba (null: user)
     * @param email    optional e-mail
     * @param ifNotExists true to succeed quietly when the user exists
     * @return true if created or restored
     * @throws KalamException PERMISSION_DENIED (also for role system), ALREADY_EXISTS, INVALID_PARAMETER (a password
     *                        that breaks the {@link PasswordPolicy})
     */
    public boolean create(Role caller, UserId id, String password, Role role, String email, boolean ifNotExists) {
        policy.checkManageUsers(caller);
        Role r = role == null ? Role.USER : role;
        if (r == Role.SYSTEM) {
            throw new KalamException(ErrorCode.PERMISSION_DENIED, "The system role cannot be granted");
        }
        if (existsActive(id, ifNotExists)) {
            return false;
        }
        passwords.check(id, password);
        String hash = hasher.hash(password.toCharArray());
        // Checked again under the repository's write lock: of concurrent creations of one name, one wins.
        return !users.saveAll(() -> existsActive(id, ifNotExists) ? List.of()
                : List.of(UserRecord.createdOrRestored(users.find(id), id, hash, r, email, clock.getAsLong())))
                .isEmpty();
    }

    /**
     * @return true if the user exists and is active and {@code ifNotExists}
     * @throws KalamException ALREADY_EXISTS if the user exists and is active and not {@code ifNotExists}
     */
    private boolean existsActive(UserId id, boolean ifNotExists) {
        if (ifNotExists) {
            return active(id).isPresent();
        }
        users.requireNoActive(id);
        return false;
    }

    /**
     * Replaces an active user's record with {@code change} of it, read and written under the repository's write lock,
     * so that concurrent changes of one user (a role and a password, say) never undo each other.
     *
     * @throws KalamException NOT_FOUND if the user does not exist or is deleted
     */
    private void update(UserId id, UnaryOperator<UserRecord> change) {
        users.saveAll(() -> List.of(change.apply(require(id))));
    }

    /**
     * Changes a user's password. Anyone may change their own; dba and system may change anyone's.
     *
     * @throws KalamException NOT_FOUND, PERMISSION_DENIED, INVALID_PARAMETER (a password that breaks the
     *                        {@link PasswordPolicy})
     */
    public void setPassword(UserId caller, Role callerRole, UserId id, String password) {
        if (!caller.equals(id)) {
            policy.checkManageUsers(callerRole);
        }
        require(id);
        passwords.check(id, password);
        String hash = hasher.hash(password.toCharArray());
        update(id, u -> u.withPasswordHash(hash, clock.getAsLong()));
    }

    /** @throws KalamException NOT_FOUND, PERMISSION_DENIED (also for granting system or changing root) */
    public void setRole(Role callerRole, UserId id, Role role) {
        policy.checkManageUsers(callerRole);
        if (role == Role.SYSTEM || id.equals(UserId.ROOT)) {
            throw new KalamException(ErrorCode.PERMISSION_DENIED, "The system role cannot be granted or removed");
        }
        update(id, u -> u.withRole(role, clock.getAsLong()));
    }

    /** Changes a user's e-mail: their own, or anyone's for dba and system. */
    public void setEmail(UserId caller, Role callerRole, UserId id, String email) {
        if (!caller.equals(id)) {
            policy.checkManageUsers(callerRole);
        }
        update(id, u -> u.withEmail(email, clock.getAsLong()));
    }

    /**
     * Soft-deletes a user: sets {@code deleted_at}; their data stays, login and tokens stop working at once.
     *
     * @return false if the user did not exist and {@code ifExists}
     * @throws KalamException PERMISSION_DENIED (also for root or oneself), NOT_FOUND
     */
    public boolean drop(UserId caller, Role callerRole, UserId id, boolean ifExists) {
        policy.checkManageUsers(callerRole);
        if (id.equals(UserId.ROOT) || id.equals(caller)) {
            throw new KalamException(ErrorCode.PERMISSION_DENIED, "Cannot drop " + (id.equals(UserId.ROOT)
                    ? "root" : "yourself"));
        }
        if (ifExists && active(id).isEmpty()) {
            return false;
        }
        update(id, u -> u.deleted(clock.getAsLong()));
        return true;
    }

    /**
     * Purges users soft-deleted before {@code epochMillis}: their records are removed for good, so they vanish
     * from {@code system.users}, and a later CREATE USER of the same name makes a new user instead of restoring
     * the old one. Their rows in USER and STREAM tables are left where they are (partitioned by user id) — a new
     * user of the same name sees them, as a restored user does.
     *
     * @param epochMillis the cut-off, epoch milliseconds
     * @return the ids of the purged users
     */
    public List<UserId> purgeDeletedBefore(long epochMillis) {
        return users.removeDeletedBefore(epochMillis);
    }

    private UserRecord require(UserId id) {
        return active(id).orElseThrow(() -> new KalamException(ErrorCode.NOT_FOUND, "User '" + id
                + "' does not exist"));
    }
}
