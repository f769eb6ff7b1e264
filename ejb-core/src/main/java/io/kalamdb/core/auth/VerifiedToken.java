package io.kalamdb.core.auth;

import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity a valid JWT asserts.
 *
 * @param userId    the {@code sub} claim
 * @param username  the {@code username} claim
 * @param role      the {@code role} claim
 * @param expiresAt the {@code exp} claim, whole seconds
 */
public record VerifiedToken(UserId userId, String username, Role role, Instant expiresAt) {
    /**
     * Checks that no component is null.
     *
     * @param userId    see the record description
     * @param username  see the record description
     * @param role      see the record description
     * @param expiresAt see the record description
     * @throws NullPointerException if a component is null
     */
    public VerifiedToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
