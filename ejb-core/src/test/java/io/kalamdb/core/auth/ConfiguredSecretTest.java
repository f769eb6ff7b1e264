package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kalamdb.core.EngineFixture;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kalamdb.auth.jwt.secret}: when configured it signs the tokens instead of the generated secret. */
class ConfiguredSecretTest {
    private static final byte[] SECRET = "a-configured-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final String PASSWORD = "Secret-pass-1";

    @TempDir
    Path dir;

    private EngineFixture open(byte[] secret) {
        return new EngineFixture(dir, new TokenSettings(Duration.ofHours(1), Duration.ofDays(1), secret, List.of()));
    }

    @Test
    void theConfiguredSecretSignsTokensAndTheGeneratedOneStopsBeingAccepted() {
        String generatedSigned;
        try (EngineFixture db = open(null)) {
            db.run(EngineFixture.root(), "CREATE USER 'alice' WITH PASSWORD '" + PASSWORD + "'");
            generatedSigned = db.engine().auth().login("alice", PASSWORD).accessToken().token();
        }
        String configuredSigned;
        try (EngineFixture db = open(SECRET)) {
            KalamException e = assertThrows(KalamException.class, () -> db.engine().auth().authenticate(generatedSigned));
            assertEquals(ErrorCode.AUTH_REQUIRED, e.code());
            assertEquals("Invalid token signature", e.getMessage());
            configuredSigned = db.engine().auth().login("alice", PASSWORD).accessToken().token();
        }

        TokenService withConfiguredSecret = new TokenService(SECRET, TokenService.ISSUER, Duration.ofHours(1),
                Duration.ofDays(1), Clock.systemUTC());
        assertEquals("alice", withConfiguredSecret.verify(configuredSigned, TokenService.ACCESS).userId().value());
        try (EngineFixture db = open(null)) {
            assertEquals("alice", db.engine().auth().authenticate(generatedSigned).id().value(),
                    "the generated secret is kept for when the configured one is removed");
        }
    }
}
