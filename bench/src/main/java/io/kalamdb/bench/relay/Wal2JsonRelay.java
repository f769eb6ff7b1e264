package io.kalamdb.bench.relay;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * The PostgreSQL peer's realtime pipeline, the shape of Supabase Realtime: logical decoding with wal2json
 * ({@link LogicalDecodingReader}) feeding a WebSocket server that speaks the subset of KalamDB's protocol the bench
 * subscriber uses ({@link RelayServer}), so the same client measures both systems. It runs in the harness process,
 * on the same machine as the databases and the load driver.
 */
public final class Wal2JsonRelay implements AutoCloseable {
    private final RelayServer server;
    private final LogicalDecodingReader reader;

    private Wal2JsonRelay(RelayServer server, LogicalDecodingReader reader) {
        this.server = server;
        this.reader = reader;
    }

    /**
     * Starts the WebSocket server on a free loopback port, then creates a temporary logical slot and streams it.
     *
     * @param jdbcUrl the database
     * @param role    a role with the REPLICATION attribute
     * @param slot    the slot's name, {@code [a-z0-9_]+}
     * @return the running relay; changes committed from now on are relayed
     * @throws IOException  if the server cannot listen
     * @throws SQLException if the slot cannot be created or streamed (e.g. wal2json is missing)
     */
    public static Wal2JsonRelay start(String jdbcUrl, String role, String slot)
            throws IOException, SQLException, InterruptedException {
        RelayServer server = new RelayServer();
        server.startAndWait();
        try {
            return new Wal2JsonRelay(server, LogicalDecodingReader.start(jdbcUrl, role, slot, server::publish));
        } catch (SQLException | RuntimeException e) {
            server.stop(1000);
            throw e;
        }
    }

    /**
     * @param user the subscriber's user id
     * @return where that user's subscribers connect: {@code ws://127.0.0.1:<port>/?user=<user>}
     */
    public URI uri(String user) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/?user=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8));
    }

    /**
     * Stops reading and serving.
     *
     * @throws IllegalStateException if the replication stream had failed while running (changes were not relayed)
     */
    @Override
    public void close() throws SQLException, InterruptedException {
        reader.close();
        server.stop(1000);
        if (reader.failure() != null) {
            throw new IllegalStateException("The relay's replication stream failed: " + reader.failure().getMessage(),
                    reader.failure());
        }
    }
}
