package io.kalamdb.core.auth;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies access tokens of the configured {@link ExternalIssuer}s, with the checks of RFC 8725: the algorithm
 * from an allow-list of RS256 and ES256 only (so {@code none} and HMAC — the algorithm-confusion attack of §2.1 —
 * are refused), the signature by a key of the issuer's JSON Web Key Set (RFC 7517), {@code exp} required (with
 * {@value TokenService#CLOCK_SKEW_SECONDS} s of skew), {@code iss} and {@code aud} matched (§3.8, §3.9) and, if
 * present, the {@code typ} header {@code JWT} or {@code at+jwt} (RFC 9068). The token is routed to its issuer by
 * its unverified {@code iss} claim; then every check runs against that issuer's keys (the algorithm is checked
 * first, before a key is looked up). The token's user claim must name an existing, active KalamDB user, whose
 * record — never the token — gives the role. A key set fetched over HTTP gets {@value #JWKS_TIMEOUT_MILLIS} ms to
 * connect and as long to answer (jose4j's default is 20 s each), so an issuer that hangs holds a request no longer
 * than that before the token is refused. Thread-safe.
 */
public final class ExternalTokenVerifier {
    private static final List<String> ALLOWED = List.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    private static final String ALGORITHMS = "RS256 or ES256";
    /** Connect and read timeout of a JWKS fetch over HTTP, milliseconds. */
    static final int JWKS_TIMEOUT_MILLIS = 5_000;
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    private final Map<String, Trusted> byIssuer;
    private final UserRepository users;
    private final Clock clock;

    private record Trusted(ExternalIssuer issuer, VerificationKeyResolver keys) {
    }

    /**
     * Prepares a key resolver per issuer; {@code file:} key sets are read now.
     *
     * @param issuers the trusted issuers; empty turns external tokens off
     * @param users   the KalamDB users the tokens must name
     * @param clock   the time {@code exp} is checked against
     * @throws IllegalArgumentException if a {@code file:} key set cannot be read or parsed
     */
    public ExternalTokenVerifier(List<ExternalIssuer> issuers, UserRepository users, Clock clock) {
        this(issuers, users, clock, JWKS_TIMEOUT_MILLIS);
    }

    /** As the public constructor, with another JWKS fetch timeout (milliseconds) — for tests. */
    ExternalTokenVerifier(List<ExternalIssuer> issuers, UserRepository users, Clock clock, int jwksTimeoutMillis) {
        this.byIssuer = issuers.stream().collect(Collectors.toUnmodifiableMap(ExternalIssuer::issuer,
                i -> new Trusted(i, keyResolver(i, jwksTimeoutMillis))));
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static VerificationKeyResolver keyResolver(ExternalIssuer issuer, int timeoutMillis) {
        if (!issuer.jwks().getScheme().equals("file")) {
            Get get = new Get();
            get.setConnectTimeout(timeoutMillis);
            get.setReadTimeout(timeoutMillis);
            HttpsJwks jwks = new HttpsJwks(issuer.jwks().toString());
            jwks.setSimpleHttpGet(get);
            return new HttpsJwksVerificationKeyResolver(jwks);
        }
        try {
            String json = Files.readString(Path.of(issuer.jwks()), StandardCharsets.UTF_8);
            return new JwksVerificationKeyResolver(new JsonWebKeySet(json).getJsonWebKeys());
        } catch (IOException | JoseException e) {
            throw new IllegalArgumentException("External issuer '" + issuer.name() + "': cannot read the JWKS at "
                    + issuer.jwks() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a token if it claims (by its unverified {@code iss}) to come from a trusted external issuer. Costs
     * nothing while no external issuer is configured.
     *
     * @param jwt a compact JWS
     * @return the token's user (role from the user's record), expiry and {@code jti} (null if it has none); empty
     *         if the token names no trusted external issuer or does not parse — KalamDB's own tokens and unknown
     *         issuers alike, which {@link TokenService} then verifies or refuses
     * @throws KalamException AUTH_REQUIRED with a short reason if the token claims a trusted issuer but fails a
     *                        check, or its user claim is missing or names no active KalamDB user
     */
    public Optional<VerifiedToken> verifyIfExternal(String jwt) {
        if (byIssuer.isEmpty()) {
            return Optional.empty();
        }
        JwtContext context;
        Trusted trusted;
        try {
            context = UNVERIFIED.process(jwt);
            trusted = byIssuer.get(context.getJwtClaims().getIssuer());
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
        if (trusted == null) {
            return Optional.empty();
        }
        JsonWebStructure jws = context.getJoseObjects().get(0);
        if (!ALLOWED.contains(jws.getAlgorithmHeaderValue())) {
            throw TokenService.rejected("Token algorithm must be " + ALGORITHMS);
        }
        String typ = jws.getHeader("typ");
        if (typ != null && !isJwtType(typ)) {
            throw TokenService.rejected("Token typ header must be JWT or at+jwt");
        }
        try {
            consumer(trusted).processContext(context);
        } catch (InvalidJwtException e) {
            throw new KalamException(ErrorCode.AUTH_REQUIRED, TokenService.reason(e, ALGORITHMS), e);
        }
        return Optional.of(identity(context.getJwtClaims(), trusted.issuer()));
    }

    private VerifiedToken identity(JwtClaims claims, ExternalIssuer issuer) {
        try {
            String name = claims.getClaimValueAsString(issuer.userClaim());
            if (name == null) {
                throw TokenService.rejected("Token lacks the " + issuer.userClaim() + " claim");
            }
            UserId id = TokenService.subject(name);
            UserRecord user = users.find(id).filter(UserRecord::active)
                    .orElseThrow(() -> TokenService.rejected("Token names no KalamDB user"));
            return new VerifiedToken(id, name, user.role(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()), claims.getJwtId());
        } catch (MalformedClaimException e) {
            throw new KalamException(ErrorCode.AUTH_REQUIRED, "Malformed token claim", e);
        }
    }

    private JwtConsumer consumer(Trusted trusted) {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, ALLOWED.toArray(String[]::new))
                .setVerificationKeyResolver(trusted.keys())
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(TokenService.CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedIssuer(trusted.issuer().issuer())
                .setExpectedAudience(trusted.issuer().audience())
                .build();
    }

    /** {@code JWT} or {@code at+jwt}, case-insensitively, with or without {@code application/} (RFC 8725 §3.11). */
    private static boolean isJwtType(String typ) {
        String t = typ.toLowerCase(Locale.ROOT);
        t = t.startsWith("application/") ? t.substring("application/".length()) : t;
        return t.equals("jwt") || t.equals("at+jwt");
    }
}
