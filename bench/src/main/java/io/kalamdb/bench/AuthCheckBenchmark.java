package io.kalamdb.bench;

import io.kalamdb.core.EngineConfig;
import io.kalamdb.core.KalamEngine;
import io.kalamdb.core.auth.AccessPolicy;
import io.kalamdb.core.auth.TokenService;
import io.kalamdb.core.auth.TokenSettings;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.store.Durability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the authorization work every statement pays (issue target: at most 20 µs per statement), run
 * in-process against a real engine on a temp-dir RocksDB:
 *
 * <ul>
 * <li>{@link #accessToken()}: verifying a bearer token — HS256 signature and the RFC 8725 claim checks, then the
 * token's user looked up from the in-memory user cache (as {@code RequestAuthenticator} does per request);</li>
 * <li>{@link #firstUseOfAToken()}: the same for a token the server has not seen yet — the full HS256 and claim
 * verification, no verified-token cache (cycles through {@value #DISTINCT_TOKENS} tokens, twice the cache's size);</li>
 * <li>{@link #statement()}: {@link #accessToken()} plus the policy decisions of a statement touching a USER table and a
 * {@code public} SHARED table (catalog lookups from the catalog cache, {@link AccessPolicy} read and write
 * checks).</li>
 * </ul>
 *
 * <p>Run with {@code java -cp 'bench/target/bench.jar:bench/target/lib/*' org.openjdk.jmh.Main AuthCheckBenchmark};
 * results are in microseconds per operation (average, and percentiles from the sample-time mode).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthCheckBenchmark {
    private static final String USER = "bench_alice";
    private static final int DISTINCT_TOKENS = 20_000;
    private static final byte[] SECRET = "authcheck-benchmark-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final TableId NOTES = TableId.of("bench", "notes");
    private static final TableId CONFIG = TableId.of("bench", "config");

    private final AccessPolicy policy = new AccessPolicy();
    private Path dataDir;
    private KalamEngine engine;
    private String token;
    private String[] fresh;
    private int next;

    /** Opens an engine in a temp directory, creates the tables and a {@code user}-role user, and logs in. */
    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDir = Files.createTempDirectory("kalamdb-authbench");
        TokenSettings tokens = new TokenSettings(Duration.ofHours(1), Duration.ofDays(1), SECRET, List.of());
        engine = KalamEngine.open(new EngineConfig(dataDir, Durability.RELAXED, 0, null, 4, tokens));
        SqlSession root = new SqlSession(UserId.ROOT, Role.SYSTEM, NamespaceId.DEFAULT);
        engine.sql().execute(root, "CREATE NAMESPACE bench; "
                + "CREATE USER TABLE bench.notes (id BIGINT PRIMARY KEY, body TEXT); "
                + "CREATE SHARED TABLE bench.config (k TEXT PRIMARY KEY, v TEXT) WITH (ACCESS_LEVEL = 'public'); "
                + "CREATE USER " + USER + " WITH PASSWORD 'bench-secret-1'", List.of());
        token = engine.auth().login(USER, "bench-secret-1").accessToken().token();
        TokenService minter = new TokenService(SECRET, TokenService.ISSUER, Duration.ofHours(1), Duration.ofDays(1),
                Clock.systemUTC());
        fresh = new String[DISTINCT_TOKENS];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = minter.issueAccess(new UserId(USER), USER, Role.USER).token();
        }
    }

    /** Closes the engine and deletes its directory. */
    @TearDown(Level.Trial)
    public void close() {
        engine.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the token's user, after the signature, claim and user checks */
    @Benchmark
    public UserRecord accessToken() {
        return engine.auth().authenticate(token);
    }

    /** @return the user of a token not verified before (or not for {@value #DISTINCT_TOKENS} calls) */
    @Benchmark
    public UserRecord firstUseOfAToken() {
        next = (next + 1) % fresh.length;
        return engine.auth().authenticate(fresh[next]);
    }

    /** @return the last table authorized, after the token check and four policy decisions */
    @Benchmark
    public TableDefinition statement() {
        UserRecord user = engine.auth().authenticate(token);
        TableDefinition notes = engine.catalog().requireTable(NOTES);
        policy.checkRead(notes, user.role());
        policy.checkWrite(notes, user.role());
        TableDefinition config = engine.catalog().requireTable(CONFIG);
        policy.checkRead(config, user.role());
        return config;
    }
}
