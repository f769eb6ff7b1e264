package io.kalamdb.core.model;

import java.util.Objects;

/**
 * A column's DEFAULT: absent, a constant, or a SQL expression evaluated per row at INSERT time (e.g.
 * {@code NOW()}, {@code SNOWFLAKE_ID()}, {@code UUID_V7()}). Stored as the SQL text of the expression.
 *
 * @param sql the expression as SQL text, or null for no default
 */
public record ColumnDefault(String sql) {
    /** No default: an omitted column is NULL. */
    public static final ColumnDefault NONE = new ColumnDefault(null);

    /** @return true when there is a default expression */
    public boolean isPresent() {
        return sql != null;
    }

    /** @return a default of the given SQL expression text */
    public static ColumnDefault of(String sql) {
        return new ColumnDefault(Objects.requireNonNull(sql));
    }
}
