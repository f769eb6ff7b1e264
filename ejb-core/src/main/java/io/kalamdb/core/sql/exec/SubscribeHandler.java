package io.kalamdb.core.sql.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.sql.LiveQueryControl;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ast.SqlSubscribe;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code SUBSCRIBE TO ns.t [WHERE …] [OPTIONS (last_rows = N, batch_size = N)]} over HTTP: checks the live
 * query as a subscription would and answers one row — the subscription SQL, the WebSocket path to send it
 * to, and the options as the JSON object of the {@code subscribe} message (DESIGN.md §6).
 */
public final class SubscribeHandler {
    /** The WebSocket endpoint's path on this server. */
    public static final String WS_PATH = "/v1/ws";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TableResolver resolver;
    private final LiveQueryControl liveQueries;

    /** Creates the handler. */
    public SubscribeHandler(TableResolver resolver, LiveQueryControl liveQueries) {
        this.resolver = resolver;
        this.liveQueries = liveQueries;
    }

    /**
     * @return columns {@code sql}, {@code ws_url} (the path, relative to this server) and {@code options}
     * @throws KalamException TABLE_NOT_FOUND, INVALID_SQL for an unknown option, or any error the subscription
     *                        would get
     */
    public StatementResult execute(SqlSubscribe stmt, StatementContext ctx) {
        TableId table = resolver.require(stmt.getTableName(), ctx.session().namespace()).id();
        String sql = "SELECT * FROM " + table + (stmt.getWhere() == null ? "" : " WHERE " + SqlText.of(stmt.getWhere()));
        liveQueries.check(ctx.session(), sql);
        ObjectNode options = JSON.createObjectNode();
        for (Map.Entry<String, Object> o : stmt.getOptions().entrySet()) {
            String key = o.getKey().toLowerCase(Locale.ROOT);
            if (!key.equals("last_rows") && !key.equals("batch_size")) {
                throw KalamException.invalidSql("Unknown SUBSCRIBE option '" + o.getKey()
                        + "': use last_rows or batch_size");
            }
            options.put(key, new BigDecimal(String.valueOf(o.getValue())).intValueExact());
        }
        return new StatementResult(List.of(ResultColumn.of("sql", KalamDataType.TEXT),
                ResultColumn.of("ws_url", KalamDataType.TEXT), ResultColumn.of("options", KalamDataType.JSON_TYPE)),
                List.<Object[]>of(new Object[] {sql, WS_PATH, options.toString()}), 1, null, ctx.session().user());
    }
}
