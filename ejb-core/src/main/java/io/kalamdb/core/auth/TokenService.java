package io.kalamdb.core.auth;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;

/**
 * Issues and verifies the bearer tokens of the HTTP and WebSocket APIs (DESIGN.md §5, §6): HS256-signed
 * JWTs (RFC 7519) carrying {@code sub} (user id), {@code username}, {@code role} (wire name), {@code iss},
 * {@code aud} = {@value #AUDIENCE}, {@code iat}, {@code exp}, {@code jti} and {@code token_type}
 * ({@value #ACCESS} or {@value #REFRESH}), with header {@code typ: JWT}.
 *
 * <p>Verification follows the JWT best current practices (RFC 8725): only HS256 is accepted (so
 * {@code none}, RS*, ES* and other HMAC sizes are refused, §3.1), the signature is checked, {@code exp}
 * is required with {@value #CLOCK_SKEW_SECONDS} s of clock skew, {@code iss} and {@code aud} must match
 * (§3.8, §3.9), the {@code typ} header must be {@code JWT} (§3.11) and {@code token_type} must be the
 * expected kind, so a refresh token is never accepted as an access token (§3.12). Failures carry a short
 * reason for the client; the underlying exception is kept as the cause, for the logs. Thread-safe.
 */
public final class TokenService {
    /** {@code token_type} of a short-lived token presented on every request. */
    public static final String ACCESS = "access";
    /** {@code token_type} of a long-lived token exchanged only for new access tokens. */
    public static final String REFRESH = "refresh";
    /** The {@code iss} claim of the tokens a KalamDB server issues. */
    public static final String ISSUER = "kalamdb";
    /** The {@code aud} claim of every token. */
    public static final String AUDIENCE = "kalamdb";
    /** Tolerated difference between the issuer's and the verifier's clocks, in seconds. */
    public static final int CLOCK_SKEW_SECONDS = 30;
    /** The shortest accepted secret, in bytes (the HS256 key size, RFC 7518 §3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String TYP = "JWT";
    private static final String USERNAME_CLAIM = "username";
    private static final String ROLE_CLAIM = "role";
    private static final String TOKEN_TYPE_CLAIM = "token_type";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HmacKey key;
    private final String issuer;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Clock clock;

    /**
     * @param secret     the HMAC key, at least 32 bytes; copied
     * @param issuer     the {@code iss} claim written and required, e.g. {@code "kalamdb"}
     * @param accessTtl  lifetime of access tokens, at least one second
     * @param refreshTtl lifetime of refresh tokens, at least one second
     * @param clock      the time source for {@code iat}, {@code exp} and expiry checks
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes, the issuer blank or a
     *                                  lifetime shorter than one second
     */
    public TokenService(byte[] secret, String issuer, Duration accessTtl, Duration refreshTtl, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("JWT issuer must not be blank");
        }
        this.key = new HmacKey(Arrays.copyOf(secret, secret.length));
        this.issuer = issuer;
        this.accessTtl = checkedTtl(accessTtl, "access");
        this.refreshTtl = checkedTtl(refreshTtl, "refresh");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return a new random secret of 32 bytes from {@link SecureRandom} */
    public static byte[] newSecret() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /**
     * Signs an access token valid for the access lifetime.
     *
     * @param user     the subject
     * @param username the user's name, for display
     * @param role     the user's role at issue time
     * @return the token and its expiry
     */
    public IssuedToken issueAccess(UserId user, String username, Role role) {
        return issue(user, username, role, ACCESS, accessTtl);
    }

    /**
     * Signs a refresh token valid for the refresh lifetime.
     *
     * @param user     the subject
     * @param username the user's name, for display
     * @param role     the user's role at issue time
     * @return the token and its expiry
     */
    public IssuedToken issueRefresh(UserId user, String username, Role role) {
        return issue(user, username, role, REFRESH, refreshTtl);
    }

    /**
     * Verifies a token and returns the identity it asserts.
     *
     * @param jwt               the compact serialization, without the {@code Bearer } prefix
     * @param expectedTokenType {@link #ACCESS} or {@link #REFRESH}
     * @return the verified claims
     * @throws KalamException          AUTH_REQUIRED with a short reason if the token is malformed, not
     *                                 HS256, badly signed, expired, for another issuer, audience or token
     *                                 type, or lacks a claim
     * @throws IllegalArgumentException if {@code expectedTokenType} is neither access nor refresh
     */
    public VerifiedToken verify(String jwt, String expectedTokenType) {
        if (!ACCESS.equals(expectedTokenType) && !REFRESH.equals(expectedTokenType)) {
            throw new IllegalArgumentException("Unknown token type: " + expectedTokenType);
        }
        JwtClaims claims;
        try {
            claims = consumer().processToClaims(Objects.requireNonNull(jwt, "jwt"));
        } catch (InvalidJwtException e) {
            throw new KalamException(ErrorCode.AUTH_REQUIRED, reason(e, "HS256"), e);
        }
        try {
            if (!expectedTokenType.equals(claims.getStringClaimValue(TOKEN_TYPE_CLAIM))) {
                throw rejected("Wrong token type: expected " + expectedTokenType + " token");
            }
            String username = claims.getStringClaimValue(USERNAME_CLAIM);
            String role = claims.getStringClaimValue(ROLE_CLAIM);
            if (username == null || role == null) {
                throw rejected("Token lacks username or role");
            }
            return new VerifiedToken(subject(claims.getSubject()), username, parseRole(role),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()), claims.getJwtId());
        } catch (MalformedClaimException e) {
            throw new KalamException(ErrorCode.AUTH_REQUIRED, "Malformed token claim", e);
        }
    }

    private IssuedToken issue(UserId user, String username, Role role, String tokenType, Duration ttl) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(ttl.toSeconds());
        JwtClaims claims = new JwtClaims();
        claims.setSubject(user.value());
        claims.setStringClaim(USERNAME_CLAIM, Objects.requireNonNull(username, "username"));
        claims.setStringClaim(ROLE_CLAIM, role.wireName());
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        String jti = UUID.randomUUID().toString();
        claims.setJwtId(jti);
        claims.setStringClaim(TOKEN_TYPE_CLAIM, tokenType);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", TYP);
        jws.setKey(key);
        jws.setPayload(claims.toJson());
        try {
            return new IssuedToken(jws.getCompactSerialization(), expiresAt, jti);
        } catch (JoseException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Could not sign token", e);
        }
    }

    private JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(key)
                .setExpectedType(true, TYP)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(AUDIENCE)
                .build();
    }

    /**
     * @param e          why jose4j refused a token
     * @param algorithms the accepted algorithms, for the message, e.g. {@code "HS256"}
     * @return a short reason for the client (no exception text)
     */
    static String reason(InvalidJwtException e, String algorithms) {
        if (e.hasExpired()) {
            return "Token expired";
        }
        if (e.getCause() instanceof InvalidAlgorithmException) {
            return "Token algorithm must be " + algorithms;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "Invalid token signature";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "Wrong token issuer";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "Wrong token audience";
        }
        if (e.hasErrorCode(ErrorCodes.TYPE_INVALID) || e.hasErrorCode(ErrorCodes.TYPE_MISSING)) {
            return "Token typ header must be JWT";
        }
        return "Invalid token";
    }

    /**
     * @param sub a {@code sub} claim
     * @return it as a user id
     * @throws KalamException AUTH_REQUIRED if it is not a valid user id
     */
    static UserId subject(String sub) {
        try {
            return new UserId(sub);
        } catch (KalamException e) {
            throw new KalamException(ErrorCode.AUTH_REQUIRED, "Invalid token subject", e);
        }
    }

    private static Role parseRole(String wireName) {
        for (Role role : Role.values()) {
            if (role.wireName().equals(wireName)) {
                return role;
            }
        }
        throw rejected("Unknown role in token");
    }

    /** @return an AUTH_REQUIRED failure with a short reason for the client */
    static KalamException rejected(String reason) {
        return new KalamException(ErrorCode.AUTH_REQUIRED, reason);
    }

    private static Duration checkedTtl(Duration ttl, String kind) {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("JWT " + kind + " lifetime must be at least one second");
        }
        return ttl;
    }
}
