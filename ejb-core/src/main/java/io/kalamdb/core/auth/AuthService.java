package io.kalamdb.core.auth;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.kalamdb.core.audit.AuditAction;
import io.kalamdb.core.audit.AuditLog;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.store.KalamStore;
import io.kalamdb.core.store.Partition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Authentication (DESIGN.md §5): passwords are checked only at login (bcrypt is deliberately slow); every
 * other request carries an HS256 JWT. The signing secret is {@code kalamdb.auth.jwt.secret} if configured, else
 * generated once and persisted in {@code system_meta}, so tokens survive a restart. Logout revokes access tokens
 * (a {@link TokenIdSet} of revoked ids, kept until they expire). Refresh tokens are tracked the other way round: a
 * set of the usable ones, from which a refresh or a logout removes the token — so a refresh token is single-use and
 * the set holds one entry per live session, however often it is refreshed. Access tokens of configured external
 * issuers are accepted too ({@link ExternalTokenVerifier}).
 *
 * <p>A verified access token is cached (up to {@value #VERIFIED_CACHE_SIZE} tokens, keyed by the whole token, so a
 * token differing in any byte is verified afresh) until its {@code exp}: repeated requests with one token skip the
 * signature check (≈ 14 µs here) and cost a few hash lookups. Revocation and the user's state are checked on every
 * request, cached or not.
 */
public final class AuthService {
    private static final byte[] SECRET_KEY = "jwt_secret".getBytes(StandardCharsets.UTF_8);

    private static final int VERIFIED_CACHE_SIZE = 10_000;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final TokenIdSet revokedAccess;
    private final TokenIdSet usableRefresh;
    private final ExternalTokenVerifier external;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, VerifiedToken> verified = CacheBuilder.newBuilder()
            .maximumSize(VERIFIED_CACHE_SIZE).build();
    private volatile LoginLockout lockout = new LoginLockout(LoginLockout.DEFAULT_MAX_FAILURES,
            LoginLockout.DEFAULT_LOCKOUT, System::currentTimeMillis);

    /** The outcome of a successful login or refresh. */
    public record Session(UserRecord user, IssuedToken accessToken, IssuedToken refreshToken) {
    }

    /**
     * Loads the revoked tokens and prepares the external issuers' key sets.
     *
     * @param store    for the generated secret, the revoked access tokens and the usable refresh tokens
     * @param users    user records
     * @param hasher   bcrypt
     * @param settings token lifetimes, the configured secret (if any) and the external issuers
     * @param audit    where logins, refused logins and logouts are recorded
     * @param clock    the time tokens are issued and checked at
     * @throws IllegalArgumentException if an external issuer's {@code file:} key set cannot be read
     */
    public AuthService(KalamStore store, UserRepository users, PasswordHasher hasher, TokenSettings settings,
                       AuditLog audit, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        byte[] configured = settings.secret();
        this.tokens = new TokenService(configured != null ? configured : generatedSecret(store), TokenService.ISSUER,
                settings.accessTtl(), settings.refreshTtl(), clock);
        this.revokedAccess = new TokenIdSet(store, "revoked_token:", clock);
        this.usableRefresh = new TokenIdSet(store, "refresh_token:", clock);
        this.external = new ExternalTokenVerifier(settings.externalIssuers(), users, clock);
    }

    private static byte[] generatedSecret(KalamStore store) {
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
        users.loggedIn(user.id(), clock.millis());
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
     * Exchanges a refresh token for new tokens. A refresh token is single-use: this revokes it, so a second use —
     * a replayed or stolen copy — is refused.
     *
     * @return new access and refresh tokens for the token's user
     * @throws KalamException AUTH_REQUIRED if the token is invalid, already used or revoked, or its user deleted
     */
    public Session refresh(String refreshToken) {
        VerifiedToken token = tokens.verify(refreshToken, TokenService.REFRESH);
        UserRecord user = activeUser(token);
        if (!usableRefresh.remove(token.tokenId())) {
            throw TokenService.rejected("Token revoked");
        }
        return issue(user);
    }

    /**
     * Revokes the presented tokens until they expire (an external issuer's token only if it has a {@code jti}) and
     * records a {@code logout} audit entry. Either token may be absent — e.g. a browser whose access token expired logs out
     * with its refresh-token cookie only — but at least one must be given, and two must belong to one user.
     *
     * @param accessToken  the caller's access token, or null
     * @param refreshToken the caller's refresh token, or null
     * @param ipAddress    the client's address for the audit log, or null when unknown
     * @return the user who logged out
     * @throws KalamException AUTH_REQUIRED if no token is given, a given one is invalid or already revoked, or the
     *                        two tokens name different users
     */
    public UserId logout(String accessToken, String refreshToken, String ipAddress) {
        if (accessToken == null && refreshToken == null) {
            throw TokenService.rejected("Logout needs an access token or a refresh token");
        }
        VerifiedToken access = accessToken == null ? null : verifyAccess(accessToken);
        VerifiedToken refresh = refreshToken == null ? null : usable(tokens.verify(refreshToken, TokenService.REFRESH));
        if (access != null && refresh != null && !access.userId().equals(refresh.userId())) {
            throw TokenService.rejected("The access and refresh tokens belong to different users");
        }
        if (access != null && access.tokenId() != null) {
            revokedAccess.add(access.tokenId(), access.expiresAt());
        }
        if (refresh != null && !usableRefresh.remove(refresh.tokenId())) {
            throw TokenService.rejected("Token revoked");
        }
        UserId user = access != null ? access.userId() : refresh.userId();
        audit.append(AuditAction.LOGOUT, user, user.value(), null, ipAddress, user);
        return user;
    }

    /**
     * @param accessToken a bearer token
     * @return its active user
     * @throws KalamException AUTH_REQUIRED if the token is invalid or revoked, or its user deleted
     */
    public UserRecord authenticate(String accessToken) {
        return activeUser(verifyAccess(accessToken));
    }

    /**
     * A verified access token's user, when the token stops being valid and its {@code jti}.
     *
     * @param user      the token's active user
     * @param expiresAt the token's {@code exp}
     * @param tokenId   the token's {@code jti}, or null for an external token without one
     */
    public record Authenticated(UserRecord user, Instant expiresAt, String tokenId) {
    }

    /**
     * As {@link #authenticate}, also answering the token's expiry and id, for connections that outlive a request
     * (they call {@link #recheck} periodically).
     *
     * @throws KalamException AUTH_REQUIRED if the token is invalid or revoked, or its user deleted
     */
    public Authenticated authenticateUntilExpiry(String accessToken) {
        VerifiedToken token = verifyAccess(accessToken);
        return new Authenticated(activeUser(token), token.expiresAt(), token.tokenId());
    }

    /**
     * Checks that an earlier authentication still holds, from memory only (no signature check, no store read).
     *
     * @param authenticated what {@link #authenticateUntilExpiry} returned
     * @throws KalamException AUTH_REQUIRED "Token expired", "Token revoked", "User no longer exists" or "Account locked
     *                        after too many failed logins"
     */
    public void recheck(Authenticated authenticated) {
        if (!clock.instant().isBefore(authenticated.expiresAt())) {
            throw TokenService.rejected("Token expired");
        }
        if (authenticated.tokenId() != null && revokedAccess.contains(authenticated.tokenId())) {
            throw TokenService.rejected("Token revoked");
        }
        activeUser(authenticated.user().id());
    }

    /** @throws KalamException AUTH_REQUIRED while the user's name is locked by the lockout and it ends sessions */
    private UserRecord notLocked(UserRecord user) {
        if (lockout.refusesSessionsOf(user.id().value())) {
            throw TokenService.rejected("Account locked after too many failed logins");
        }
        return user;
    }

    /** @return true while root has no password: localhost requests without credentials act as root */
    public boolean rootIsPasswordless() {
        return users.passwordlessRoot().isPresent();
    }

    /** @return root while it has no password (then a localhost request without credentials acts as root) */
    public Optional<UserRecord> passwordlessRoot() {
        return users.passwordlessRoot();
    }

    /** @return root's record */
    public UserRecord root() {
        return users.find(UserId.ROOT).orElseThrow();
    }

    /**
     * Verifies an access token of KalamDB's or of an external issuer — or takes an earlier verification of the same
     * token that has not expired yet — and checks that it was not revoked.
     */
    private VerifiedToken verifyAccess(String accessToken) {
        VerifiedToken token = verified.getIfPresent(accessToken);
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            token = external.verifyIfExternal(accessToken)
                    .orElseGet(() -> tokens.verify(accessToken, TokenService.ACCESS));
            verified.put(accessToken, token);
        }
        return notRevoked(token);
    }

    private VerifiedToken notRevoked(VerifiedToken token) {
        if (token.tokenId() != null && revokedAccess.contains(token.tokenId())) {
            throw TokenService.rejected("Token revoked");
        }
        return token;
    }

    /** @return the refresh token if it was neither used nor revoked yet */
    private VerifiedToken usable(VerifiedToken refreshToken) {
        if (!usableRefresh.contains(refreshToken.tokenId())) {
            throw TokenService.rejected("Token revoked");
        }
        return refreshToken;
    }

    /** @return the token's user, if still active and not locked, noted as seen now */
    private UserRecord activeUser(VerifiedToken token) {
        UserRecord user = activeUser(token.userId());
        users.seen(user, clock.millis());
        return user;
    }

    /** @throws KalamException AUTH_REQUIRED if the user was dropped, or is locked while the lockout ends sessions */
    private UserRecord activeUser(UserId id) {
        return notLocked(users.find(id).filter(UserRecord::active)
                .orElseThrow(() -> TokenService.rejected("User no longer exists")));
    }

    /** Issues an access and a refresh token, and registers the refresh token as usable. */
    private Session issue(UserRecord user) {
        IssuedToken refresh = tokens.issueRefresh(user.id(), user.id().value(), user.role());
        usableRefresh.add(refresh.tokenId(), refresh.expiresAt());
        return new Session(user, tokens.issueAccess(user.id(), user.id().value(), user.role()), refresh);
    }
}
