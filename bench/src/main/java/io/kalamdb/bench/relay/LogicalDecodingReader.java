package io.kalamdb.bench.relay;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * Reads a PostgreSQL logical replication slot decoded by wal2json over the streaming replication protocol (pgjdbc's
 * replication API), on its own thread, and hands each row change with its LSN to a {@link Sink}. The slot is
 * temporary (dropped when the connection ends) and created when the reader starts, so it sees the changes committed
 * after that. Plugin options: {@code format-version 2} (one JSON message per change), {@code include-transaction
 * false} (no begin/commit messages), {@code include-types true}. Each processed position is reported back as
 * applied and flushed, so the server can recycle WAL.
 */
final class LogicalDecodingReader implements AutoCloseable {
    /** Receives decoded changes, one at a time, in commit order. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param change the row change
         * @param lsn    its WAL position
         */
        void accept(Wal2JsonChange change, long lsn);
    }

    private final Connection connection;
    private final PGReplicationStream stream;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Throwable failure;

    private LogicalDecodingReader(Connection connection, PGReplicationStream stream, Sink sink) {
        this.connection = connection;
        this.stream = stream;
        this.thread = new Thread(() -> loop(sink), "wal2json-relay");
        thread.setDaemon(true);
    }

    /**
     * Creates the temporary slot and starts reading it.
     *
     * @param jdbcUrl the database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}
     * @param role    a role with the REPLICATION attribute
     * @param slot    the slot name, {@code [a-z0-9_]+}
     * @param sink    receives the changes
     * @return the running reader
     * @throws SQLException if the slot cannot be created or streamed (e.g. wal2json is not installed)
     */
    static LogicalDecodingReader start(String jdbcUrl, String role, String slot, Sink sink) throws SQLException {
        Properties props = new Properties();
        PGProperty.USER.set(props, role);
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
        PGProperty.REPLICATION.set(props, "database");
        PGProperty.PREFER_QUERY_MODE.set(props, "simple");
        Connection connection = DriverManager.getConnection(jdbcUrl, props);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            pg.getReplicationAPI().createReplicationSlot().logical().withSlotName(slot).withOutputPlugin("wal2json")
                    .withTemporaryOption().make();
            PGReplicationStream stream = pg.getReplicationAPI().replicationStream().logical().withSlotName(slot)
                    .withSlotOption("format-version", 2).withSlotOption("include-transaction", false)
                    .withSlotOption("include-types", true).withStatusInterval(1, TimeUnit.SECONDS).start();
            LogicalDecodingReader reader = new LogicalDecodingReader(connection, stream, sink);
            reader.thread.start();
            return reader;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void loop(Sink sink) {
        try {
            while (!closing) {
                ByteBuffer buffer = stream.read();
                if (buffer == null) {
                    return;
                }
                LogSequenceNumber lsn = stream.getLastReceiveLSN();
                Wal2JsonChange change = Wal2JsonChange.parse(buffer.array(), buffer.arrayOffset() + buffer.position(),
                        buffer.remaining());
                if (change != null) {
                    sink.accept(change, lsn.asLong());
                }
                stream.setAppliedLSN(lsn);
                stream.setFlushedLSN(lsn);
            }
        } catch (SQLException | RuntimeException e) {
            if (!closing) {
                failure = e;
            }
        }
    }

    /** @return why reading stopped before {@link #close}, or null */
    Throwable failure() {
        return failure;
    }

    /** Stops reading: closes the replication connection (which drops the temporary slot) and joins the thread. */
    @Override
    public void close() throws SQLException, InterruptedException {
        closing = true;
        connection.close();
        thread.join(10_000);
    }
}
