package io.kalamdb.bench.sut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RowClient} of PostgreSQL over JDBC: each call is one prepared multi-statement request,
 * {@code SELECT set_config('app.user_id', $user, true); <statement>}, which pgjdbc sends in one round trip and
 * PostgreSQL runs as one implicit transaction, so row-level security sees the acting user.
 */
final class PostgresRowClient implements RowClient {
    private static final String ACT_AS = "SELECT set_config('app.user_id', ?, true); ";

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    PostgresRowClient(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void insert(String table, String user, List<MessageRow> rows) {
        try {
            PreparedStatement insert = statements.computeIfAbsent("insert:" + table + ":" + rows.size(),
                    k -> prepare(insertSql(table, rows.size())));
            insert.setString(1, user);
            int p = 2;
            for (MessageRow row : rows) {
                insert.setString(p++, user);
                insert.setLong(p++, row.id());
                insert.setString(p++, row.room());
                insert.setString(p++, row.body());
                insert.setLong(p++, row.stamp());
            }
            insert.execute();
            if (!insert.getMoreResults() && insert.getUpdateCount() != rows.size()) {
                throw new IllegalStateException("INSERT of " + rows.size() + " rows reported " + insert.getUpdateCount());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("INSERT into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static String insertSql(String table, int rows) {
        StringBuilder sql = new StringBuilder(ACT_AS).append("INSERT INTO ").append(table)
                .append(" (user_id, id, room, body, stamp) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    @Override
    public MessageRow get(String table, String user, long id) {
        try {
            PreparedStatement select = statements.computeIfAbsent("get:" + table, k -> prepare(ACT_AS
                    + "SELECT id, room, body, stamp FROM " + table + " WHERE id = ?"));
            select.setString(1, user);
            select.setLong(2, id);
            select.execute();
            if (!select.getMoreResults()) {
                throw new IllegalStateException("SELECT returned no result set");
            }
            try (ResultSet rs = select.getResultSet()) {
                return rs.next() ? new MessageRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SELECT from " + table + " failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql) {
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
