package io.kalamdb.bench.sut;

import java.util.List;

/**
 * One client connection of a {@link SystemUnderTest}: each call is one statement, acting as the given user, sent
 * and answered before the call returns (no pipelining). Not thread-safe.
 */
public interface RowClient extends AutoCloseable {
    /**
     * Inserts rows into the user's partition with one statement.
     *
     * @throws IllegalStateException if the statement fails or reports another row count
     */
    void insert(String table, String user, List<MessageRow> rows);

    /**
     * Reads one row of the user's by primary key with one statement.
     *
     * @return the row, or null if the user has no row with that id
     * @throws IllegalStateException if the statement fails
     */
    MessageRow get(String table, String user, long id);

    /** Closes the connection. */
    @Override
    void close();
}
