package io.kalamdb.web.socket;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.live.LiveEvent;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.sql.ResultColumn;
import io.kalamdb.web.rest.JsonBodies;
import io.kalamdb.web.rest.JsonValues;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns engine {@link LiveEvent}s into the WebSocket messages of DESIGN.md §6: {@code subscription_ack},
 * {@code initial_data_batch}, {@code change} and {@code error}. Rows are objects keyed by column name with
 * the HTTP value encoding (BIGINT and {@code _seq} as strings), typed by the schema the event carries.
 *
 * <p>A {@code change} message is the subscription id followed by the encoding of its shared
 * {@link LiveEvent.Delta}, which is produced once per change and query shape, however many subscriptions
 * receive it. Stateless and thread-safe.
 */
final class LiveEventMessages {
    private LiveEventMessages() {
    }

    /** @return the JSON text of the event */
    static String encode(LiveEvent event) {
        if (event instanceof LiveEvent.Change change) {
            StringBuilder out = new StringBuilder(128).append("{\"type\":\"change\",\"subscription_id\":\"");
            JsonStringEncoder.getInstance().quoteAsString(change.subscriptionId(), out);
            return out.append("\",").append(change.delta().encoded(String.class, LiveEventMessages::deltaFields))
                    .append('}').toString();
        }
        ObjectNode m = JsonBodies.MAPPER.createObjectNode();
        if (event instanceof LiveEvent.Ack ack) {
            m.put("type", "subscription_ack").put("subscription_id", ack.subscriptionId())
                    .put("total_rows", ack.totalRows());
            batchControl(m, ack.batchControl());
            JsonValues.schema(m.putArray("schema"), ack.schema());
        } else if (event instanceof LiveEvent.InitialBatch batch) {
            m.put("type", "initial_data_batch").put("subscription_id", batch.subscriptionId());
            rows(m.putArray("rows"), batch.schema(), batch.rows());
            batchControl(m, batch.batchControl());
        } else if (event instanceof LiveEvent.Error error) {
            return ProtocolMessages.error(error.subscriptionId(), error.code().name(), error.message());
        }
        return m.toString();
    }

    /** The fields of a change message after its subscription id, without the enclosing braces. */
    private static String deltaFields(LiveEvent.Delta delta) {
        ObjectNode m = JsonBodies.MAPPER.createObjectNode()
                .put("change_type", delta.changeType().name().toLowerCase(Locale.ROOT));
        if (!delta.rows().isEmpty()) {
            rows(m.putArray("rows"), delta.schema(), delta.rows());
        }
        if (!delta.oldValues().isEmpty()) {
            rows(m.putArray("old_values"), delta.schema(), delta.oldValues());
        }
        String object = m.toString();
        return object.substring(1, object.length() - 1);
    }

    private static void rows(ArrayNode out, List<ResultColumn> schema, List<Map<String, Object>> rows) {
        Map<String, KalamDataType> columns = new HashMap<>();
        schema.forEach(c -> columns.put(c.name(), c.type()));
        for (Map<String, Object> row : rows) {
            ObjectNode o = out.addObject();
            for (Map.Entry<String, Object> e : row.entrySet()) {
                KalamDataType type = e.getKey().equals(TableDefinition.SEQ_COLUMN) ? KalamDataType.BIGINT
                        : columns.getOrDefault(e.getKey(), KalamDataType.TEXT);
                o.set(e.getKey(), JsonValues.toNode(type.toJsonValue(e.getValue())));
            }
        }
    }

    private static void batchControl(ObjectNode m, LiveEvent.BatchControl bc) {
        ObjectNode b = m.putObject("batch_control").put("batch_num", bc.batchNum()).put("has_more", bc.hasMore())
                .put("status", bc.status());
        if (bc.lastSeqId() == null) {
            b.putNull("last_seq_id");
        } else {
            b.put("last_seq_id", bc.lastSeqId().toString());
        }
    }
}
