package io.kalamdb.core.auth;

import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditLog;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * First-run setup of a server whose {@code root} has no password — the state in which a request from this host
 * without credentials acts as root. One setup gives root a password and creates a first {@code dba} user, after
 * which that localhost rule is over. The wire shapes are those of upstream KalamDB's {@code GET /v1/api/auth/status}
 * and {@code POST /v1/api/auth/setup}, whose messages this class answers with; who may call (a local client) is
 * decided by the web layer. Thread-safe: of concurrent setups exactly one succeeds, the others find root configured.
 */
public final class ServerSetup {
    /** The status message while root has no password (upstream KalamDB's wording). */
    public static final String NEEDS_SETUP_MESSAGE = "Server requires initial setup. Call POST /v1/api/auth/setup "
            + "with username, password, root_password, and optional email.";
    /** The status message once root has a password (upstream KalamDB's wording). */
    public static final String READY_MESSAGE = "Server is configured and ready.";

    private static final Logger LOG = Logger.getLogger(ServerSetup.class.getName());

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final AuditLog audit;
    private final LongSupplier clock;

    /**
     * Whether the server still needs its first-run setup.
     *
     * @param needsSetup true while root has no password
     * @param message    {@link #NEEDS_SETUP_MESSAGE} or {@link #READY_MESSAGE}
     */
    public record Status(boolean needsSetup, String message) {
    }

    /**
     * A completed setup.
     *
     * @param user    the DBA user created (or restored from a soft delete)
     * @param message "Server setup complete. Root password configured and DBA user '…' created. Please login to
     *                continue." (upstream KalamDB's wording)
     */
    public record Completed(UserRecord user, String message) {
    }

    /**
     * Creates the setup service.
     *
     * @param users     user records; root's password and the new user are written in one of its atomic batches
     * @param hasher    bcrypt, for both passwords
     * @param passwords the rules both passwords must meet
     * @param audit     where a completed setup is recorded ({@code server_setup})
     * @param clock     current time, epoch milliseconds (created and updated times)
     */
    public ServerSetup(UserRepository users, PasswordHasher hasher, PasswordPolicy passwords, AuditLog audit,
                       LongSupplier clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return whether setup is needed (root has no password) and upstream's message for either case */
    public Status status() {
        return users.passwordlessRoot().isPresent() ? new Status(true, NEEDS_SETUP_MESSAGE)
                : new Status(false, READY_MESSAGE);
    }

    /**
     * Sets root's password and creates {@code username} with role {@code dba}, in one atomic write, and records a
     * {@code server_setup} audit entry (never a password). The checks run in upstream KalamDB's order, and a refused
     * setup writes nothing. Both passwords are hashed before the write lock is taken; the checks that depend on
     * stored state run again under it, so of concurrent setups exactly one succeeds.
     *
     * @param username     the DBA user to create; a soft-deleted user of that name is restored
     * @param password     the DBA user's clear-text password
     * @param rootPassword root's new clear-text password
     * @param email        the DBA user's e-mail, or null (blank counts as none)
     * @param ipAddress    the client's address for the audit log, or null when unknown
     * @return the created user and upstream's confirmation message
     * @throws KalamException ALREADY_EXISTS "Server has already been configured. Root password is set." once root has
     *                        a password; INVALID_PARAMETER "DBA user password: …" or "Root password: …" for a password
     *                        that breaks the {@link PasswordPolicy}, or for the username {@code root};
     *                        ALREADY_EXISTS "User '…' already exists" for the name of an active user
     */
    public Completed setup(UserId username, String password, String rootPassword, String email, String ipAddress) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(rootPassword, "rootPassword");
        requireUnconfigured();
        checkPassword(username, password, "DBA user password: ");
        checkPassword(UserId.ROOT, rootPassword, "Root password: ");
        if (username.equals(UserId.ROOT)) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER,
                    "Cannot create a DBA user with username 'root'. Choose a different username.");
        }
        users.requireNoActive(username);
        String rootHash = hasher.hash(rootPassword.toCharArray());
        String dbaHash = hasher.hash(password.toCharArray());
        String mail = email == null || email.isBlank() ? null : email;
        List<UserRecord> saved = users.saveAll(() -> {
            UserRecord root = requireUnconfigured();
            users.requireNoActive(username);
            long now = clock.getAsLong();
            return List.of(root.withPasswordHash(rootHash, now),
                    UserRecord.createdOrRestored(users.find(username), username, dbaHash, Role.DBA, mail, now));
        });
        UserRecord dba = saved.get(1);
        record(dba, ipAddress);
        return new Completed(dba, "Server setup complete. Root password configured and DBA user '" + dba.id()
                + "' created. Please login to continue.");
    }

    private UserRecord requireUnconfigured() {
        return users.passwordlessRoot().orElseThrow(() -> new KalamException(ErrorCode.ALREADY_EXISTS,
                "Server has already been configured. Root password is set."));
    }

    private void checkPassword(UserId user, String password, String prefix) {
        try {
            passwords.check(user, password);
        } catch (KalamException e) {
            throw new KalamException(e.code(), prefix + e.getMessage());
        }
    }

    /** Appends the audit entry; the setup has committed, so a failure here is logged, not thrown. */
    private void record(UserRecord dba, String ipAddress) {
        try {
            audit.append(AuditAction.SERVER_SETUP, null, dba.id().value(), "{\"role\":\"dba\"}", ipAddress, dba.id());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Server setup completed but its audit entry could not be written", e);
        }
    }
}
