package io.kalamdb.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly signed JWT and when it expires.
 *
 * @param token     the compact serialization ({@code header.payload.signature}, base64url)
 * @param expiresAt the {@code exp} claim, whole seconds
 * @param tokenId   the {@code jti} claim
 */
public record IssuedToken(String token, Instant expiresAt, String tokenId) {
    /**
     * Checks that no component is null.
     *
     * @param token     see the record description
     * @param expiresAt see the record description
     * @param tokenId   see the record description
     * @throws NullPointerException if a component is null
     */
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
    }

    /** @return the expiry only: the token is a credential and must not end up in logs */
    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
