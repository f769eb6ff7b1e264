package io.kalamdb.core.auth;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How tokens are issued and which are accepted (documented in {@code docs/operations.md}).
 *
 * @param accessTtl       access-token lifetime, at least one second
 * @param refreshTtl      refresh-token lifetime, at least one second
 * @param secret          the HS256 signing secret ({@code kalamdb.auth.jwt.secret}), at least
 *                        {@value TokenService#MIN_SECRET_BYTES} bytes, or null to use the secret generated on first
 *                        start and kept in {@code system_meta}
 * @param externalIssuers identity providers whose RS256/ES256 tokens are accepted too; empty (the default) turns
 *                        external tokens off
 */
public record TokenSettings(Duration accessTtl, Duration refreshTtl, byte[] secret,
                            List<ExternalIssuer> externalIssuers) {
    /**
     * Checks the secret's length and copies the secret and the list.
     *
     * @param accessTtl       see the record description
     * @param refreshTtl      see the record description
     * @param secret          see the record description
     * @param externalIssuers see the record description
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes, or two external issuers share an
     *                                  {@code iss}
     */
    public TokenSettings {
        Objects.requireNonNull(accessTtl, "accessTtl");
        Objects.requireNonNull(refreshTtl, "refreshTtl");
        if (secret != null) {
            if (secret.length < TokenService.MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("kalamdb.auth.jwt.secret must be at least "
                        + TokenService.MIN_SECRET_BYTES + " bytes (UTF-8), got " + secret.length
                        + "; generate one with: openssl rand -base64 32");
            }
            secret = secret.clone();
        }
        externalIssuers = List.copyOf(externalIssuers);
        if (externalIssuers.stream().map(ExternalIssuer::issuer).distinct().count() < externalIssuers.size()) {
            throw new IllegalArgumentException("Two external issuers have the same iss");
        }
    }

    /** @return 1 h access tokens, 7 d refresh tokens, the generated secret and no external issuers */
    public static TokenSettings defaults() {
        return new TokenSettings(Duration.ofHours(1), Duration.ofDays(7), null, List.of());
    }

    /** @return a copy of the configured secret, or null */
    @Override
    public byte[] secret() {
        return secret == null ? null : secret.clone();
    }

    /** Compares the secrets by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSettings t && accessTtl.equals(t.accessTtl) && refreshTtl.equals(t.refreshTtl)
                && Arrays.equals(secret, t.secret) && externalIssuers.equals(t.externalIssuers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessTtl, refreshTtl, Arrays.hashCode(secret), externalIssuers);
    }

    /** @return the settings with the secret masked: it must not end up in logs */
    @Override
    public String toString() {
        return "TokenSettings[accessTtl=" + accessTtl + ", refreshTtl=" + refreshTtl + ", secret="
                + (secret == null ? "generated" : "***") + ", externalIssuers=" + externalIssuers + "]";
    }
}
