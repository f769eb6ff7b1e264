package io.kalamdb.bench.sut;

import java.util.List;

/**
 * A database the workloads run against, holding per-user rows of {@link MessageRow}s: KalamDB (a USER table,
 * one partition per user, reached over HTTP with each user's token) or its peer, PostgreSQL (one table with a
 * {@code user_id} column under row-level security, reached over JDBC).
 */
public interface SystemUnderTest extends AutoCloseable {
    /** @return {@code kalamdb} or {@code postgresql} */
    String name();

    /** @return the server's version string */
    String version();

    /**
     * Creates an empty table of {@link MessageRow}s.
     *
     * @param table a name unique in the run, {@code [a-z0-9_]+}
     */
    void createTable(String table);

    /**
     * Makes sure {@code count} users exist and can be acted as; idempotent for a count already reached.
     *
     * @return the user ids, {@code count} of them
     */
    List<String> users(int count);

    /**
     * @param table a table made by {@link #createTable}
     * @return its name as a live query's SQL names it
     */
    String sqlName(String table);

    /**
     * Where a user's live-query subscribers connect; may start the system's realtime pipeline on first use.
     *
     * @param user a user returned by {@link #users}
     * @return the endpoint, or null if this system has no realtime pipeline in this run
     */
    LiveEndpoint live(String user);

    /** @return a new client — one connection, one statement in flight — for one thread */
    RowClient connect();

    /**
     * Moves the table's rows to the system's cold tier and waits until that is done.
     *
     * @return false if the system has no cold tier (nothing was done)
     */
    boolean flush(String table);
}
