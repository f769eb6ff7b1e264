package io.kalamdb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kalamdb.core.auth.TokenSettings;
import io.kalamdb.core.jobs.InlineJobLauncher;
import io.kalamdb.core.live.LiveQueryLimits;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.store.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A real engine on a temp-dir RocksDB for tests, with helpers that read like the SQL reference. Jobs run inline:
 * a submitted job has run when {@code submit} returns.
 */
public final class EngineFixture implements AutoCloseable {
    private final Path dir;
    private final LongSupplier clock;
    private final TokenSettings tokens;
    private KalamEngine engine;

    /** Opens an engine in {@code dir} (bcrypt cost 4 to keep tests fast). */
    public EngineFixture(Path dir) {
        this(dir, System::currentTimeMillis);
    }

    /**
     * Opens an engine in {@code dir} on a clock of the test's (STREAM TTLs, job times).
     *
     * @param clock current time, epoch milliseconds
     */
    public EngineFixture(Path dir, LongSupplier clock) {
        this(dir, clock, new TokenSettings(Duration.ofHours(1), Duration.ofDays(1), null, List.of()));
    }

    /**
     * Opens an engine in {@code dir} with token settings of the test's (secret, external issuers).
     *
     * @param tokens the token settings
     */
    public EngineFixture(Path dir, TokenSettings tokens) {
        this(dir, System::currentTimeMillis, tokens);
    }

    private EngineFixture(Path dir, LongSupplier clock, TokenSettings tokens) {
        this.dir = dir;
        this.clock = clock;
        this.tokens = tokens;
        open();
    }

    private void open() {
        engine = KalamEngine.open(new EngineConfig(dir, Durability.RELAXED, 1, null, 4, tokens),
                LiveQueryLimits.defaults(), clock);
        engine.jobs().start(new InlineJobLauncher(engine.jobs()));
    }

    /** Closes and reopens the engine on the same data (a restart). */
    public void restart() {
        engine.close();
        open();
    }

    /** @return the engine */
    public KalamEngine engine() {
        return engine;
    }

    /** @return a session for root in namespace {@code default} */
    public static SqlSession root() {
        return new SqlSession(UserId.ROOT, Role.SYSTEM, NamespaceId.DEFAULT);
    }

    /** @return a session for a user with role user */
    public static SqlSession user(String id) {
        return new SqlSession(new UserId(id), Role.USER, NamespaceId.DEFAULT);
    }

    /** @return a session for a user with a role */
    public static SqlSession as(String id, Role role) {
        return new SqlSession(new UserId(id), role, NamespaceId.DEFAULT);
    }

    /** Runs SQL and returns the last statement's result. */
    public StatementResult run(SqlSession session, String sql, Object... params) {
        List<StatementResult> results = engine.sql().execute(session, sql, Arrays.asList(params));
        return results.get(results.size() - 1);
    }

    /** Runs SQL (one statement or a {@code ;}-separated batch) and returns every statement's result. */
    public List<StatementResult> runAll(SqlSession session, String sql, Object... params) {
        return engine.sql().execute(session, sql, Arrays.asList(params));
    }

    /**
     * Runs SQL that must fail with {@code code}.
     *
     * @return the error, for assertions on its message
     */
    public KalamException fails(ErrorCode code, SqlSession session, String sql, Object... params) {
        KalamException e = assertThrows(KalamException.class, () -> run(session, sql, params),
                () -> "expected " + code + " from: " + sql);
        assertEquals(code, e.code(), () -> "error of " + sql + ": " + e.getMessage());
        return e;
    }

    /** Runs a query and returns its first column, for easy assertions. */
    public List<Object> column(SqlSession session, String sql, Object... params) {
        List<Object> out = new ArrayList<>();
        for (Object[] r : run(session, sql, params).rows()) {
            out.add(r[0]);
        }
        return out;
    }

    /** Runs a query and returns its rows as lists, for easy assertions. */
    public List<List<Object>> rows(SqlSession session, String sql, Object... params) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : run(session, sql, params).rows()) {
            out.add(Arrays.asList(r));
        }
        return out;
    }

    @Override
    public void close() {
        engine.close();
    }
}
