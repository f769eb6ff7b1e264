package io.kalamdb.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The server messages of KalamDB's WebSocket protocol (docs/websocket-protocol.md) that the relay sends, so one
 * bench subscriber reads both systems: {@code subscription_ack}, one empty {@code initial_data_batch} with status
 * {@code ready}, {@code change} and {@code error}. Rows are objects keyed by column name with KalamDB's value
 * encoding (BIGINT as strings) and carry {@code _seq}: here the change's WAL position (LSN) as a decimal string.
 */
final class RelayProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RelayProtocol() {
    }

    /** @return the {@code subscription_ack} and the empty {@code ready} batch that follow a subscribe */
    static List<String> subscribed(String subscriptionId) {
        ObjectNode ack = JSON.createObjectNode().put("type", "subscription_ack").put("subscription_id", subscriptionId)
                .put("total_rows", 0);
        batchControl(ack, true, "loading");
        ack.putArray("schema");
        ObjectNode batch = JSON.createObjectNode().put("type", "initial_data_batch")
                .put("subscription_id", subscriptionId);
        batch.putArray("rows");
        batchControl(batch, false, "ready");
        return List.of(ack.toString(), batch.toString());
    }

    private static void batchControl(ObjectNode message, boolean hasMore, String status) {
        message.putObject("batch_control").put("batch_num", 0).put("has_more", hasMore).put("status", status)
                .putNull("last_seq_id");
    }

    /**
     * @param subscriptionId the subscription
     * @param changeType     {@code insert}, {@code update} or {@code delete}
     * @param rows           the encoded new rows ({@link #rows}), or null for a delete
     * @param oldValues      the encoded old rows, or null for an insert
     * @return the {@code change} message
     */
    static String change(String subscriptionId, String changeType, String rows, String oldValues) {
        return changeOfQuoted(quoted(subscriptionId), changeType, rows, oldValues);
    }

    /** @return the subscription id as a JSON string literal, quotes included, for {@link #changeOfQuoted} */
    static String quoted(String subscriptionId) {
        return JSON.getNodeFactory().textNode(subscriptionId).toString();
    }

    /**
     * {@link #change} with the id already {@link #quoted} (once per subscription, not once per change).
     *
     * @param quotedId the subscription id as a JSON string literal
     */
    static String changeOfQuoted(String quotedId, String changeType, String rows, String oldValues) {
        StringBuilder m = new StringBuilder(64 + (rows == null ? 0 : rows.length()))
                .append("{\"type\":\"change\",\"subscription_id\":").append(quotedId)
                .append(",\"change_type\":\"").append(changeType).append('"');
        if (rows != null) {
            m.append(",\"rows\":").append(rows);
        }
        if (oldValues != null) {
            m.append(",\"old_values\":").append(oldValues);
        }
        return m.append('}').toString();
    }

    /**
     * Encodes one row as a one-element JSON array, the value of {@code rows} or {@code old_values}.
     *
     * @param values  the row's values by column (wal2json's JSON)
     * @param types   the columns' PostgreSQL types ({@code bigint} is sent as a string)
     * @param columns the projection; empty for every column
     * @param lsn     the change's WAL position, sent as {@code _seq}
     * @return {@code [{"col":value,…,"_seq":"lsn"}]}
     */
    static String rows(Map<String, JsonNode> values, Map<String, String> types, List<String> columns, long lsn) {
        ArrayNode array = JSON.createArrayNode();
        ObjectNode row = array.addObject();
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            if (columns.isEmpty() || columns.contains(e.getKey())) {
                JsonNode v = e.getValue();
                if ("bigint".equals(types.get(e.getKey())) && v.isNumber()) {
                    row.put(e.getKey(), v.asText());
                } else {
                    row.set(e.getKey(), v);
                }
            }
        }
        row.put("_seq", Long.toUnsignedString(lsn));
        return array.toString();
    }

    /** @return an {@code error} message; {@code subscriptionId} may be null */
    static String error(String subscriptionId, String code, String message) {
        ObjectNode m = JSON.createObjectNode().put("type", "error");
        if (subscriptionId != null) {
            m.put("subscription_id", subscriptionId);
        }
        return m.put("code", code).put("message", message).toString();
    }

    /** @return the reply to a {@code ping} */
    static String pong() {
        return "{\"type\":\"pong\"}";
    }
}
