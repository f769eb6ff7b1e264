package io.kalamdb.examples.changelog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the USER table {@value #NAME} that holds the imported entries: each maintainer's rows are in
 * their own partition, so every statement a maintainer's token runs sees only their entries.
 */
public final class NotesTable {
    /** The namespace. */
    public static final String NAMESPACE = "changelog";
    /** The table's qualified name. */
    public static final String NAME = NAMESPACE + ".notes";
    /** Creates the namespace and the table unless they exist: two statements, run as root. */
    public static final String CREATE = "CREATE NAMESPACE IF NOT EXISTS " + NAMESPACE + "; "
            + "CREATE USER TABLE IF NOT EXISTS " + NAME + " ("
            + "id BIGINT PRIMARY KEY DEFAULT SNOWFLAKE_ID(), package TEXT NOT NULL, version TEXT, "
            + "distribution TEXT, urgency TEXT, maintainer TEXT, email TEXT, released_at TIMESTAMP, body TEXT, "
            + "imported_at TIMESTAMP DEFAULT NOW())";
    /** Counts the caller's rows. */
    public static final String COUNT = "SELECT COUNT(*) FROM " + NAME;
    /** Lists the caller's rows by package and version. */
    public static final String SELECT_KEYS = "SELECT package, version FROM " + NAME;
    /** Deletes the caller's rows. */
    public static final String DELETE_ALL = "DELETE FROM " + NAME;

    private static final String INSERT_COLUMNS =
            "(package, version, distribution, urgency, maintainer, email, released_at, body)";
    private static final int PARAMS_PER_ROW = 8;

    private NotesTable() {
    }

    /**
     * A multi-row INSERT of entries, every value a {@code $n} parameter; {@code id} and {@code imported_at}
     * take their defaults.
     *
     * @param entries the rows, at least one
     * @return the statement and its parameters ({@code released_at} as epoch microseconds, as the HTTP API
     *         encodes TIMESTAMP)
     * @throws IllegalArgumentException if {@code entries} is empty
     */
    public static Statement insert(List<ChangelogEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entries to insert");
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(NAME).append(' ').append(INSERT_COLUMNS)
                .append(" VALUES ");
        List<Object> params = new ArrayList<>(entries.size() * PARAMS_PER_ROW);
        for (ChangelogEntry e : entries) {
            sql.append(params.isEmpty() ? "(" : ", (");
            for (int i = 1; i <= PARAMS_PER_ROW; i++) {
                sql.append(i == 1 ? "$" : ", $").append(params.size() + i);
            }
            sql.append(')');
            params.add(e.packageName());
            params.add(e.version());
            params.add(e.distribution());
            params.add(e.urgency());
            params.add(e.maintainer().name());
            params.add(e.maintainer().email());
            params.add(e.releasedAt() == null ? null : epochMicros(e.releasedAt()));
            params.add(e.body());
        }
        return new Statement(sql.toString(), params);
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /**
     * A SQL statement with its {@code $1..$n} values.
     *
     * @param sql    the statement
     * @param params the values in order; may hold nulls
     */
    public record Statement(String sql, List<Object> params) {
    }
}
