package io.kalamdb.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one benchmark table: a USER table {@code (id BIGINT PRIMARY KEY, name TEXT, score INT, payload TEXT,
 * created_at TIMESTAMP DEFAULT NOW())} whose row {@code id} is made of values derived from the id alone (a name
 * of about 10 bytes, a score, a 100-byte payload), so that any run writes the same bytes.
 *
 * @param name the qualified table name, e.g. {@code bench.quickload_single_m3x0k2}
 */
public record BenchTable(String name) {
    /** The namespace of every benchmark table. */
    public static final String NAMESPACE = "bench";
    /** Parameters per row in {@link #insert(long, int)}. */
    public static final int PARAMS_PER_ROW = 4;

    private static final int PAYLOAD_BYTES = 100;

    /**
     * @param prefix  what the table is for, e.g. {@code quickload_single}
     * @param runId   the run's id, so that each run gets fresh tables
     * @return the table {@code bench.<prefix>_<runId>}
     */
    public static BenchTable named(String prefix, String runId) {
        return new BenchTable(NAMESPACE + "." + prefix + "_" + runId);
    }

    /** @return creates the namespace unless it exists, then the table: two statements */
    public String create() {
        return "CREATE NAMESPACE IF NOT EXISTS " + NAMESPACE + "; CREATE USER TABLE " + name
                + " (id BIGINT PRIMARY KEY, name TEXT, score INT, payload TEXT, created_at TIMESTAMP DEFAULT NOW())";
    }

    /** @return drops the table if it exists */
    public String drop() {
        return "DROP TABLE IF EXISTS " + name;
    }

    /**
     * A multi-row INSERT of the rows {@code firstId .. firstId + rows - 1}, every value a {@code $n} parameter.
     *
     * @param firstId the first row's id
     * @param rows    how many rows, at least 1
     * @return the SQL and its {@code rows × }{@value #PARAMS_PER_ROW} values
     */
    public Statement insert(long firstId, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(name)
                .append(" (id, name, score, payload) VALUES ");
        List<Object> params = new ArrayList<>(rows * PARAMS_PER_ROW);
        for (long id = firstId; id < firstId + rows; id++) {
            int n = params.size();
            sql.append(n == 0 ? "" : ", ").append("($").append(n + 1).append(", $").append(n + 2).append(", $")
                    .append(n + 3).append(", $").append(n + 4).append(')');
            params.add(id);
            params.add("row-" + id);
            params.add((int) (id % 1000));
            params.add(payload(id));
        }
        return new Statement(sql.toString(), params);
    }

    /** @return the primary-key lookup of one row, its id as {@code $1} */
    public String selectById() {
        return "SELECT id, name, score, payload, created_at FROM " + name + " WHERE id = $1";
    }

    /** @return the payload of row {@code id}: {@value #PAYLOAD_BYTES} ASCII bytes starting with the id */
    static String payload(long id) {
        StringBuilder payload = new StringBuilder(PAYLOAD_BYTES).append(id).append(':');
        while (payload.length() < PAYLOAD_BYTES) {
            payload.append((char) ('a' + payload.length() % 26));
        }
        return payload.toString();
    }

    /**
     * A statement and its {@code $1..$n} values.
     *
     * @param sql    the statement
     * @param params the values in order
     */
    public record Statement(String sql, List<Object> params) {
    }
}
