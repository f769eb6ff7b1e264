package io.kalamdb.core.auth;

import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditLog;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.Partition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Authentication (DESIGN.md §5): passwords are checked only at login (bcrypt is deliberately slow); every
 * other request carries an HS256 JWT. The signing secret is generated once and persisted in
 * {@code system_meta}, so tokens survive a restart.
 */
public final class AuthService {
    private static final byte[] SECRET_KEY = "jwt_secret".getBytes(StandardCharsets.UTF_8);
    private static final String ISSUER = "kalamdb";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AuditLog audit;
    private volatile LoginLockout lockout = new LoginLockout(LoginLockout.DEFAULT_MAX_FAILURES,
            LoginLockout.DEFAULT_LOCKOUT, System::currentTimeMillis);

    /** The outcome of a successful login or refresh. */
    public record Session(UserRecord user, IssuedToken accessToken, IssuedToken refreshToken) {
    }

    /**
     * @param store      for the persisted secret
     * @param users      user records
     * @param hasher     bcrypt
     * @param accessTtl  access-token lifetime
     * @param refreshTtl refresh-token lifetime
     * @param audit      where logins and refused logins are recorded
     */
    public AuthService(KalamStore store, UserRepository users, PasswordHasher hasher, Duration accessTtl,
                       Duration refreshTtl, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.hasher = hasher;
        this.tokens = new TokenService(secret(store), ISSUER, accessTtl, refreshTtl, Clock.systemUTC());
    }

    private static byte[] secret(KalamStore store) {
        Partition meta = store.partition(KalamStore.SYSTEM_META);
        byte[] secret = store.get(meta, SECRET_KEY);
        if (secret == null) {
            secret = TokenService.newSecret();
            store.commit(store.newBatch().put(meta, SECRET_KEY, secret));
        }
        return secret;
    }

    /**
     * Replaces the brute-force lockout policy (the default locks a name for 15 minutes after 5 failures).
     *
     * @param policy the new policy; failures counted so far are forgotten
     */
    public void lockout(LoginLockout policy) {
        this.lockout = policy;
    }

    /**
     * Logs in from an unknown address; as {@link #login(String, String, String)} with a null address.
     *
     * @return tokens for the user
     * @throws KalamException AUTH_REQUIRED for an unknown, deleted or password-less user or a wrong password
     */
    public Session login(String username, String password) {
        return login(username, password, null);
    }

    /**
     * Checks a password and issues tokens; records a {@code login} or {@code login_failed} audit entry
     * (never the password).
     *
     * @param ipAddress the client's address for the audit log, or null when unknown
     * @return tokens for the user
     * @throws KalamException AUTH_REQUIRED for an unknown, deleted or password-less user or a wrong password
     *                        (one message for all, so it reveals nothing); RATE_LIMIT_EXCEEDED while the name is
     *                        locked after too many failures ({@link LoginLockout})
     */
    public Session login(String username, String password, String ipAddress) {
        LoginLockout policy = lockout;
        try {
            policy.checkAllowed(username);
        } catch (KalamException locked) {
            audit.append(AuditAction.LOGIN_FAILED, null, username, "{\"locked\":true}", ipAddress,
                    claimedUser(username));
            throw locked;
        }
        UserRecord user;
        try {
            user = users.find(new UserId(username)).filter(UserRecord::active).orElse(null);
        } catch (KalamException e) {
            user = null;
        }
        if (user == null || user.passwordHash() == null || password == null || password.isEmpty()
                || !hasher.verify(password.toCharArray(), user.passwordHash())) {
            policy.failed(username);
            audit.append(AuditAction.LOGIN_FAILED, null, username, null, ipAddress, claimedUser(username));
            throw new KalamException(ErrorCode.AUTH_REQUIRED, "Invalid username or password");
        }
        policy.succeeded(username);
        users.loggedIn(user.id(), System.currentTimeMillis());
        audit.append(AuditAction.LOGIN, user.id(), user.id().value(), null, ipAddress, user.id());
        return issue(user);
    }

    /** @return the user a login attempt named, or null if the name is not a valid user id */
    private static UserId claimedUser(String username) {
        try {
            return username == null ? null : new UserId(username);
        } catch (KalamException e) {
            return null;
        }
    }

    /**
     * @return new tokens for the holder of a valid refresh token
     * @throws KalamException AUTH_REQUIRED if the token is invalid or its user deleted
     */
    public Session refresh(String refreshToken) {
        return issue(activeUser(tokens.verify(refreshToken, TokenService.REFRESH)));
    }

    /**
     * @param accessToken a bearer token
     * @return its active user
     * @throws KalamException AUTH_REQUIRED if the token is invalid or its user deleted
     */
    public UserRecord authenticate(String accessToken) {
        return activeUser(tokens.verify(accessToken, TokenService.ACCESS));
    }

    /**
     * A verified access token's user and when the token stops being valid.
     *
     * @param user      the token's active user
     * @param expiresAt the token's {@code exp}
     */
    public record Authenticated(UserRecord user, Instant expiresAt) {
    }

    /**
     * As {@link #authenticate}, also answering the token's expiry (for connections that outlive a request).
     *
     * @throws KalamException AUTH_REQUIRED if the token is invalid or its user deleted
     */
    public Authenticated authenticateUntilExpiry(String accessToken) {
        VerifiedToken token = tokens.verify(accessToken, TokenService.ACCESS);
        return new Authenticated(activeUser(token), token.expiresAt());
    }

    /** @return whether the user exists and is not deleted */
    public boolean isActive(UserId user) {
        return users.find(user).filter(UserRecord::active).isPresent();
    }

    /** @return true while root has no password: localhost requests without credentials act as root */
    public boolean rootIsPasswordless() {
        return users.find(UserId.ROOT).map(u -> u.passwordHash() == null).orElse(false);
    }

    /** @return root's record */
    public UserRecord root() {
        return users.find(UserId.ROOT).orElseThrow();
    }

    /** @return the token's user, if still active, noted as seen now */
    private UserRecord activeUser(VerifiedToken token) {
        UserRecord user = users.find(token.userId()).filter(UserRecord::active)
                .orElseThrow(() -> new KalamException(ErrorCode.AUTH_REQUIRED, "User no longer exists"));
        users.seen(user.id(), System.currentTimeMillis());
        return user;
    }

    private Session issue(UserRecord user) {
        return new Session(user, tokens.issueAccess(user.id(), user.id().value(), user.role()),
                tokens.issueRefresh(user.id(), user.id().value(), user.role()));
    }
}
