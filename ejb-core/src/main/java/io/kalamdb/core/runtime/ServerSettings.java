package io.kalamdb.core.runtime;

import io.kalamdb.core.EngineConfig;
import io.kalamdb.core.auth.ExternalIssuer;
import io.kalamdb.core.auth.LoginLockout;
import io.kalamdb.core.auth.TokenSettings;
import io.kalamdb.core.cold.FlushPolicy;
import io.kalamdb.core.jobs.JobCleanupJob;
import io.kalamdb.core.jobs.UserCleanupJob;
import io.kalamdb.core.limits.AbuseLimits;
import io.kalamdb.core.live.LiveQueryLimits;
import io.kalamdb.core.sql.QueryLimits;
import io.kalamdb.core.store.Durability;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the server's {@code kalamdb.*} settings from MicroProfile Config (so each is also an environment
 * variable: {@code kalamdb.data.dir} ↔ {@code KALAMDB_DATA_DIR}). Every key and default is listed here and in
 * {@code docs/operations.md}.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>key</th><th>default</th></tr>
 * <tr><td>kalamdb.data.dir</td><td>{@code <kalamdb.launch.dir>/data}, else {@code ./data}</td></tr>
 * <tr><td>kalamdb.durability</td><td>relaxed (or strict)</td></tr>
 * <tr><td>kalamdb.node.id</td><td>0</td></tr>
 * <tr><td>kalamdb.root.password</td><td>none (root has no password; localhost acts as root)</td></tr>
 * <tr><td>kalamdb.auth.bcrypt.cost</td><td>12</td></tr>
 * <tr><td>kalamdb.auth.access.ttl.seconds</td><td>3600</td></tr>
 * <tr><td>kalamdb.auth.refresh.ttl.seconds</td><td>604800</td></tr>
 * <tr><td>kalamdb.auth.jwt.secret</td><td>none (a secret generated on first start, kept in RocksDB)</td></tr>
 * <tr><td>kalamdb.auth.external.enabled</td><td>false</td></tr>
 * <tr><td>kalamdb.auth.external.issuers</td><td>none; per name {@code kalamdb.auth.external.<name>.issuer},
 *     {@code .jwks}, {@code .audience} (kalamdb), {@code .user.claim} (sub)</td></tr>
 * <tr><td>kalamdb.auth.lockout.max.failures</td><td>5</td></tr>
 * <tr><td>kalamdb.auth.lockout.minutes</td><td>15</td></tr>
 * <tr><td>kalamdb.auth.lockout.ends.sessions</td><td>true</td></tr>
 * <tr><td>kalamdb.http.max.body.bytes</td><td>10485760</td></tr>
 * <tr><td>kalamdb.live.max.subscriptions.per.connection</td><td>100 (the protocol's maximum)</td></tr>
 * <tr><td>kalamdb.live.max.subscriptions.per.user</td><td>10</td></tr>
 * <tr><td>kalamdb.stream.eviction.interval.seconds</td><td>60</td></tr>
 * <tr><td>kalamdb.jobs.cleanup.interval.seconds</td><td>3600</td></tr>
 * <tr><td>kalamdb.jobs.retention.days</td><td>30</td></tr>
 * <tr><td>kalamdb.users.cleanup.interval.seconds</td><td>3600</td></tr>
 * <tr><td>kalamdb.users.deleted.grace.days</td><td>7</td></tr>
 * <tr><td>kalamdb.retention.interval.seconds</td><td>3600</td></tr>
 * <tr><td>kalamdb.http.trusted.proxies</td><td>empty (X-Forwarded-For and Forwarded are ignored)</td></tr>
 * <tr><td>kalamdb.sql.requests.per.second.per.user</td><td>1000 (role system is exempt)</td></tr>
 * <tr><td>kalamdb.auth.attempts.per.second.per.ip</td><td>20</td></tr>
 * <tr><td>kalamdb.ws.max.connections.per.ip</td><td>500</td></tr>
 * <tr><td>kalamdb.ws.messages.per.second.per.connection</td><td>200</td></tr>
 * <tr><td>kalamdb.ws.max.message.bytes</td><td>1048576</td></tr>
 * <tr><td>kalamdb.sql.statement.timeout.seconds</td><td>60</td></tr>
 * <tr><td>kalamdb.sql.max.result.rows</td><td>100000</td></tr>
 * </table>
 */
public final class ServerSettings {
    /** Default largest accepted HTTP request body, in bytes (10 MiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Default statement timeout of queries. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    /** Default maximum rows of a query result. */
    public static final long DEFAULT_MAX_RESULT_ROWS = 100_000;

    private ServerSettings() {
    }

    /**
     * @return the engine configuration
     * @throws IllegalArgumentException if {@code kalamdb.auth.jwt.secret} is shorter than 32 bytes or an external
     *                                  issuer is incompletely or wrongly configured
     */
    public static EngineConfig engineConfig(Config config) {
        Path dataDir = config.getOptionalValue("kalamdb.data.dir", String.class).map(Path::of)
                .orElseGet(() -> config.getOptionalValue("kalamdb.launch.dir", String.class)
                        .map(d -> Path.of(d, "data")).orElse(Path.of("data")));
        Durability durability = Durability.valueOf(config.getOptionalValue("kalamdb.durability", String.class)
                .orElse("relaxed").trim().toUpperCase(Locale.ROOT));
        return new EngineConfig(dataDir.toAbsolutePath().normalize(), durability,
                config.getOptionalValue("kalamdb.node.id", Integer.class).orElse(0),
                config.getOptionalValue("kalamdb.root.password", String.class).orElse(null),
                config.getOptionalValue("kalamdb.auth.bcrypt.cost", Integer.class).orElse(12),
                tokenSettings(config));
    }

    /**
     * @return token lifetimes, the configured signing secret (its UTF-8 bytes) and, if
     *         {@code kalamdb.auth.external.enabled}, the external issuers named by
     *         {@code kalamdb.auth.external.issuers}
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes, external issuers are enabled but none
     *                                  is named, or an issuer lacks a setting
     */
    public static TokenSettings tokenSettings(Config config) {
        TokenSettings d = TokenSettings.defaults();
        byte[] secret = config.getOptionalValue("kalamdb.auth.jwt.secret", String.class)
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        List<ExternalIssuer> issuers = List.of();
        if (config.getOptionalValue("kalamdb.auth.external.enabled", Boolean.class).orElse(false)) {
            issuers = config.getOptionalValues("kalamdb.auth.external.issuers", String.class).orElse(List.of())
                    .stream().map(String::strip).filter(name -> !name.isEmpty())
                    .map(name -> externalIssuer(config, name)).toList();
            if (issuers.isEmpty()) {
                throw new IllegalArgumentException("kalamdb.auth.external.enabled is true but "
                        + "kalamdb.auth.external.issuers names no issuer");
            }
        }
        return new TokenSettings(seconds(config, "kalamdb.auth.access.ttl.seconds", d.accessTtl().toSeconds()),
                seconds(config, "kalamdb.auth.refresh.ttl.seconds", d.refreshTtl().toSeconds()), secret, issuers);
    }

    /** @return an https/http/file URL as given, or a plain file path as a {@code file:} URL */
    private static URI jwksLocation(String jwks) {
        URI uri = URI.create(jwks.strip());
        return uri.getScheme() != null ? uri : Path.of(jwks.strip()).toAbsolutePath().toUri();
    }

    private static ExternalIssuer externalIssuer(Config config, String name) {
        String prefix = "kalamdb.auth.external." + name + ".";
        String jwks = config.getOptionalValue(prefix + "jwks", String.class)
                .orElseThrow(() -> new IllegalArgumentException(prefix + "jwks is not set"));
        return new ExternalIssuer(name, config.getOptionalValue(prefix + "issuer", String.class)
                .orElseThrow(() -> new IllegalArgumentException(prefix + "issuer is not set")),
                jwksLocation(jwks), config.getOptionalValue(prefix + "audience", String.class).orElse("kalamdb"),
                config.getOptionalValue(prefix + "user.claim", String.class).orElse("sub"));
    }

    /**
     * @return the live-query subscription limits
     * @throws IllegalArgumentException if a configured limit is out of range (per connection 1..100)
     */
    public static LiveQueryLimits liveQueryLimits(Config config) {
        LiveQueryLimits d = LiveQueryLimits.defaults();
        return new LiveQueryLimits(
                config.getOptionalValue("kalamdb.live.max.subscriptions.per.connection", Integer.class)
                        .orElse(d.perConnection()),
                config.getOptionalValue("kalamdb.live.max.subscriptions.per.user", Integer.class).orElse(d.perUser()));
    }

    /**
     * @return the intervals of the scheduled jobs and their retention periods
     * @throws IllegalArgumentException if an interval is not positive or a number of days is negative
     */
    public static JobSchedule jobSchedule(Config config) {
        return new JobSchedule(seconds(config, "kalamdb.stream.eviction.interval.seconds", 60),
                seconds(config, "kalamdb.jobs.cleanup.interval.seconds", 3600),
                config.getOptionalValue("kalamdb.jobs.retention.days", Long.class)
                        .orElse(JobCleanupJob.DEFAULT_RETENTION_DAYS),
                seconds(config, "kalamdb.users.cleanup.interval.seconds", 3600),
                config.getOptionalValue("kalamdb.users.deleted.grace.days", Long.class)
                        .orElse(UserCleanupJob.DEFAULT_GRACE_DAYS),
                seconds(config, "kalamdb.retention.interval.seconds", 3600));
    }

    /**
     * @return the flush policy of tables whose FLUSH_POLICY leaves a part out:
     *         {@code kalamdb.flush.default.rows} (10,000) and {@code kalamdb.flush.default.interval.seconds} (300)
     */
    public static FlushPolicy flushDefaults(Config config) {
        return new FlushPolicy(
                config.getOptionalValue("kalamdb.flush.default.rows", Long.class).orElse(FlushPolicy.DEFAULT.rows()),
                config.getOptionalValue("kalamdb.flush.default.interval.seconds", Long.class)
                        .orElse(FlushPolicy.DEFAULT.intervalSeconds()));
    }

    /**
     * @param clock epoch milliseconds
     * @return the brute-force login lockout: {@code kalamdb.auth.lockout.max.failures} (5) consecutive failures
     *         lock a user name for {@code kalamdb.auth.lockout.minutes} (15), refusing the user's tokens meanwhile unless
     *         {@code kalamdb.auth.lockout.ends.sessions} is false
     */
    public static LoginLockout loginLockout(Config config, LongSupplier clock) {
        return new LoginLockout(config.getOptionalValue("kalamdb.auth.lockout.max.failures", Integer.class)
                .orElse(LoginLockout.DEFAULT_MAX_FAILURES),
                Duration.ofMinutes(config.getOptionalValue("kalamdb.auth.lockout.minutes", Long.class)
                        .orElse(LoginLockout.DEFAULT_LOCKOUT.toMinutes())), clock,
                config.getOptionalValue("kalamdb.auth.lockout.ends.sessions", Boolean.class).orElse(true));
    }

    /** @return how often the flush triggers are checked: {@code kalamdb.flush.check.interval.seconds} (5) */
    public static Duration flushCheckInterval(Config config) {
        return seconds(config, "kalamdb.flush.check.interval.seconds", 5);
    }

    private static Duration seconds(Config config, String key, long defaultSeconds) {
        return Duration.ofSeconds(config.getOptionalValue(key, Long.class).orElse(defaultSeconds));
    }

    /** @return the largest accepted HTTP request body, in bytes */
    public static int maxBodyBytes(Config config) {
        return config.getOptionalValue("kalamdb.http.max.body.bytes", Integer.class).orElse(DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @return the per-user, per-address and per-connection limits: {@code kalamdb.sql.requests.per.second.per.user},
     *         {@code kalamdb.auth.attempts.per.second.per.ip}, {@code kalamdb.ws.max.connections.per.ip},
     *         {@code kalamdb.ws.messages.per.second.per.connection}, {@code kalamdb.ws.max.message.bytes}
     *         (defaults {@link AbuseLimits#DEFAULTS})
     * @throws IllegalArgumentException if a value is negative
     */
    public static AbuseLimits abuseLimits(Config config) {
        AbuseLimits d = AbuseLimits.DEFAULTS;
        return new AbuseLimits(
                config.getOptionalValue("kalamdb.sql.requests.per.second.per.user", Integer.class)
                        .orElse(d.sqlRequestsPerSecondPerUser()),
                config.getOptionalValue("kalamdb.auth.attempts.per.second.per.ip", Integer.class)
                        .orElse(d.authAttemptsPerSecondPerAddress()),
                config.getOptionalValue("kalamdb.ws.max.connections.per.ip", Integer.class)
                        .orElse(d.wsConnectionsPerAddress()),
                config.getOptionalValue("kalamdb.ws.messages.per.second.per.connection", Integer.class)
                        .orElse(d.wsMessagesPerSecondPerConnection()),
                config.getOptionalValue("kalamdb.ws.max.message.bytes", Integer.class).orElse(d.wsMaxMessageBytes()));
    }

    /**
     * @return the addresses of reverse proxies whose {@code X-Forwarded-For} (or {@code Forwarded}) is believed:
     *         {@code kalamdb.http.trusted.proxies}, comma-separated IP addresses (default none)
     */
    public static List<String> trustedProxies(Config config) {
        return Arrays.stream(config.getOptionalValue("kalamdb.http.trusted.proxies", String.class).orElse("")
                .split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * @return the query bounds: {@code kalamdb.sql.statement.timeout.seconds} (60) and
     *         {@code kalamdb.sql.max.result.rows} (100,000); 0 turns either off
     * @throws IllegalArgumentException if a value is negative
     */
    public static QueryLimits queryLimits(Config config) {
        return new QueryLimits(seconds(config, "kalamdb.sql.statement.timeout.seconds",
                DEFAULT_STATEMENT_TIMEOUT.toSeconds()),
                config.getOptionalValue("kalamdb.sql.max.result.rows", Long.class).orElse(DEFAULT_MAX_RESULT_ROWS));
    }
}
