package io.kalamdb.bench.sut;

import io.kalamdb.bench.relay.Wal2JsonRelay;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL as the peer {@link SystemUnderTest}, set up the way a "realtime SQL with per-user data" app on
 * PostgreSQL is (the shape of Supabase): one table per entity with a {@code user_id} column, primary key
 * {@code (user_id, id)}, row-level security ({@code user_id = current_setting('app.user_id')}) forced for the
 * unprivileged role clients use, and each request sets the acting user in its own transaction
 * ({@code set_config('app.user_id', …, true)}, as PostgREST does) in the same round trip as the statement.
 * There is no cold tier: {@link #flush} does nothing. Live queries go through a {@link Wal2JsonRelay} (logical
 * decoding to WebSockets, the shape of Supabase Realtime), started on first use so that earlier workloads do not pay
 * for decoding, and only if wal2json is installed.
 */
public final class PostgresSystem implements SystemUnderTest {
    private final PostgresCluster cluster;
    private final String version;
    private Wal2JsonRelay relay;
    private boolean noRelay;

    /** @param cluster the running cluster */
    public PostgresSystem(PostgresCluster cluster) throws SQLException {
        this.cluster = cluster;
        this.version = cluster.version();
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void createTable(String table) {
        try (Connection c = cluster.connect(PostgresCluster.SUPERUSER); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (user_id TEXT NOT NULL, id BIGINT NOT NULL, room TEXT, body TEXT,"
                    + " stamp BIGINT, PRIMARY KEY (user_id, id))");
            s.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
            s.execute("CREATE POLICY own_rows ON " + table + " USING (user_id = current_setting('app.user_id', true))"
                    + " WITH CHECK (user_id = current_setting('app.user_id', true))");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + table + " TO " + PostgresCluster.APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create " + table + ": " + e.getMessage(), e);
        }
    }

    /** Users are {@code user_id} values only: nothing to create. */
    @Override
    public List<String> users(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add("bench_u" + i);
        }
        return out;
    }

    @Override
    public String sqlName(String table) {
        return table;
    }

    /**
     * Starts the relay on first use.
     *
     * @return the relay's endpoint for the user, or null if wal2json is not installed
     * @throws IllegalStateException if the relay cannot start
     */
    @Override
    public synchronized LiveEndpoint live(String user) {
        try {
            if (relay == null && !noRelay) {
                noRelay = !cluster.hasWal2Json();
                if (!noRelay) {
                    relay = Wal2JsonRelay.start(cluster.jdbcUrl(), PostgresCluster.SUPERUSER, "bench_relay");
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The wal2json relay cannot start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return relay == null ? null : new LiveEndpoint(relay.uri(user), Map.of());
    }

    @Override
    public RowClient connect() {
        try {
            return new PostgresRowClient(cluster.connect(PostgresCluster.APP_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean flush(String table) {
        return false;
    }

    /** Stops the relay, if it ran; the cluster belongs to the harness, which stops it. */
    @Override
    public synchronized void close() throws SQLException, InterruptedException {
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }
}
