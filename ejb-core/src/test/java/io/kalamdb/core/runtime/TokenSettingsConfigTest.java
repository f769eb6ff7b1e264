package io.kalamdb.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.auth.ExternalIssuer;
import io.kalamdb.core.auth.TokenSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** The token settings as read from {@code kalamdb.auth.*} keys. */
class TokenSettingsConfigTest {
    private static final String SECRET = "a-configured-secret-of-32-bytes!";

    @Test
    void defaultsAreAGeneratedSecretOneHourSevenDaysAndNoExternalIssuers() {
        TokenSettings settings = ServerSettings.tokenSettings(config(Map.of()));

        assertEquals(TokenSettings.defaults(), settings);
        assertNull(settings.secret());
        assertEquals(Duration.ofHours(1), settings.accessTtl());
        assertEquals(Duration.ofDays(7), settings.refreshTtl());
        assertEquals(List.of(), settings.externalIssuers());
    }

    @Test
    void aConfiguredSecretIsItsUtf8BytesAndNeverPrinted() {
        TokenSettings settings = ServerSettings.tokenSettings(config(Map.of("kalamdb.auth.jwt.secret", SECRET,
                "kalamdb.auth.access.ttl.seconds", "60")));

        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), settings.secret());
        assertEquals(Duration.ofMinutes(1), settings.accessTtl());
        assertTrue(settings.toString().contains("secret=***"), settings::toString);
        assertFalse(settings.toString().contains(SECRET), settings::toString);
    }

    @Test
    void aSecretShorterThan32BytesFailsWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.tokenSettings(config(Map.of("kalamdb.auth.jwt.secret", "too-short"))));
        assertEquals("kalamdb.auth.jwt.secret must be at least 32 bytes (UTF-8), got 9; generate one with: "
                + "openssl rand -base64 32", e.getMessage());
    }

    @Test
    void externalIssuersAreReadOnlyWhenEnabled() {
        Map<String, String> issuers = Map.of("kalamdb.auth.external.issuers", "corp, partner",
                "kalamdb.auth.external.corp.issuer", "https://id.example.com/realms/app",
                "kalamdb.auth.external.corp.jwks", "https://id.example.com/realms/app/certs",
                "kalamdb.auth.external.partner.issuer", "https://login.example.net",
                "kalamdb.auth.external.partner.jwks", "config/partner-jwks.json",
                "kalamdb.auth.external.partner.audience", "partner-api",
                "kalamdb.auth.external.partner.user.claim", "preferred_username");
        assertEquals(List.of(), ServerSettings.tokenSettings(config(issuers)).externalIssuers());

        Map<String, String> enabled = new HashMap<>(issuers);
        enabled.put("kalamdb.auth.external.enabled", "true");
        List<ExternalIssuer> read = ServerSettings.tokenSettings(config(enabled)).externalIssuers();

        assertEquals(List.of(new ExternalIssuer("corp", "https://id.example.com/realms/app",
                        URI.create("https://id.example.com/realms/app/certs"), "kalamdb", "sub"),
                new ExternalIssuer("partner", "https://login.example.net",
                        Path.of("config/partner-jwks.json").toAbsolutePath().toUri(), "partner-api",
                        "preferred_username")), read);
    }

    @Test
    void anEnabledIssuerWithoutItsKeySetFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.tokenSettings(config(Map.of("kalamdb.auth.external.enabled", "true",
                        "kalamdb.auth.external.issuers", "corp",
                        "kalamdb.auth.external.corp.issuer", "https://id.example.com"))));
        assertEquals("kalamdb.auth.external.corp.jwks is not set", e.getMessage());
    }

    @Test
    void enablingExternalIssuersWithoutNamingOneFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.tokenSettings(config(Map.of("kalamdb.auth.external.enabled", "true"))));
        assertEquals("kalamdb.auth.external.enabled is true but kalamdb.auth.external.issuers names no issuer",
                e.getMessage());
    }

    /** A MicroProfile Config over a map: strings, numbers, booleans and comma-separated lists. */
    private static Config config(Map<String, String> values) {
        return new Config() {
            @Override
            public <T> T getValue(String name, Class<T> type) {
                return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
            }

            @Override
            public ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                return Optional.ofNullable(values.get(name)).map(v -> type.cast(convert(v, type)));
            }

            @Override
            public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
                return Optional.ofNullable(values.get(name)).map(v -> Arrays.stream(v.split(","))
                        .map(part -> type.cast(convert(part, type))).toList());
            }

            @Override
            public Iterable<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Iterable<ConfigSource> getConfigSources() {
                return List.of();
            }

            @Override
            public <T> Optional<Converter<T>> getConverter(Class<T> type) {
                return Optional.empty();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new IllegalArgumentException();
            }
        };
    }

    private static Object convert(String value, Class<?> type) {
        if (type == Long.class) {
            return Long.valueOf(value.strip());
        }
        if (type == Integer.class) {
            return Integer.valueOf(value.strip());
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(value.strip());
        }
        return value;
    }
}
