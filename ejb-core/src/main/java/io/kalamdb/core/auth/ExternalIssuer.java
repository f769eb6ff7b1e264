package io.kalamdb.core.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An identity provider whose access tokens KalamDB accepts (an OpenID Connect or OAuth 2.0 authorization server,
 * e.g. Keycloak): tokens signed with RS256 or ES256 by a key of its JSON Web Key Set (RFC 7517 §5), with
 * {@code iss} = {@link #issuer()} and {@code aud} containing {@link #audience()}. The claim {@link #userClaim()}
 * names the KalamDB user the token stands for; the role always comes from that user's record.
 *
 * @param name      the configuration name, e.g. {@code corp} (keys {@code kalamdb.auth.external.corp.*})
 * @param issuer    the exact {@code iss} value, e.g. {@code https://id.example.com/realms/app}
 * @param jwks      where the key set is: an {@code https:} URL (fetched and cached, re-fetched for an unknown
 *                  {@code kid}), a {@code file:} URL (read once at start-up), or an {@code http:} URL on a loopback
 *                  address (for tests only)
 * @param audience  the {@code aud} value the token must carry, e.g. {@code kalamdb}
 * @param userClaim the claim holding the KalamDB user id, e.g. {@code sub} or {@code preferred_username}
 */
public record ExternalIssuer(String name, String issuer, URI jwks, String audience, String userClaim) {
    /**
     * Checks the components.
     *
     * @param name      see the record description
     * @param issuer    see the record description
     * @param jwks      see the record description
     * @param audience  see the record description
     * @param userClaim see the record description
     * @throws IllegalArgumentException if a component is missing or blank, the issuer is KalamDB's own
     *                                  ({@value TokenService#ISSUER}), or the key-set location is neither
     *                                  https, file, nor loopback http
     */
    public ExternalIssuer {
        requireText(name, "name");
        requireText(issuer, "issuer");
        requireText(audience, "audience");
        requireText(userClaim, "user claim");
        Objects.requireNonNull(jwks, "External issuer '" + name + "' needs a JWKS location");
        if (TokenService.ISSUER.equals(issuer)) {
            throw new IllegalArgumentException("External issuer '" + name + "' cannot use KalamDB's own issuer '"
                    + TokenService.ISSUER + "'");
        }
        String scheme = jwks.getScheme() == null ? "" : jwks.getScheme();
        if (!scheme.equals("https") && !scheme.equals("file") && !(scheme.equals("http") && isLoopback(jwks))) {
            throw new IllegalArgumentException("External issuer '" + name + "': the JWKS location must be an https "
                    + "or file URL (http only on a loopback address), got " + jwks);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("External issuer needs a non-blank " + what);
        }
    }

    private static boolean isLoopback(URI uri) {
        try {
            return uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
