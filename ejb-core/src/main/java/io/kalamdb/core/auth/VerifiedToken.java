package io.kalamdb.core.auth;

import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity a valid JWT asserts: one of KalamDB's own tokens ({@link TokenService}) or an external issuer's
 * ({@link ExternalTokenVerifier}, where {@code role} comes from the user's record).
 *
 * @param userId    the {@code sub} claim
 * @param username  the {@code username} claim
 * @param role      the {@code role} claim
 * @param expiresAt the {@code exp} claim, whole seconds
 * @param tokenId   the {@code jti} claim, by which the token is revoked; always present in KalamDB's tokens, null
 *                  for an external issuer's token that has none (such a token cannot be revoked here)
 */
public record VerifiedToken(UserId userId, String username, Role role, Instant expiresAt, String tokenId) {
    /**
     * Checks that no component is null.
     *
     * @param userId    see the record description
     * @param username  see the record description
     * @param role      see the record description
     * @param expiresAt see the record description
     * @param tokenId   see the record description
     * @throws NullPointerException if a component other than {@code tokenId} is null
     */
    public VerifiedToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
