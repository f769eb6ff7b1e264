package io.kalamdb.web.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.live.LiveEvent;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.web.rest.JsonBodies;
import io.kalamdb.web.rest.JsonValues;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns engine {@link LiveEvent}s into the WebSocket messages of DESIGN.md §6: {@code subscription_ack},
 * {@code initial_data_batch}, {@code change} and {@code error}. Rows are objects keyed by column name with
 * the HTTP value encoding (BIGINT and {@code _seq} as strings); the column types come from each
 * subscription's ack. One per connection; not thread-safe on its own (the sink serialises calls per
 * subscription).
 */
final class LiveEventMessages {
    private final Map<String, Map<String, KalamDataType>> types = new HashMap<>();

    /** @return the JSON text of the event */
    String encode(LiveEvent event) {
        ObjectNode m = JsonBodies.MAPPER.createObjectNode();
        if (event instanceof LiveEvent.Ack ack) {
            Map<String, KalamDataType> columns = new HashMap<>();
            ack.schema().forEach(c -> columns.put(c.name(), c.type()));
            types.put(ack.subscriptionId(), columns);
            m.put("type", "subscription_ack").put("subscription_id", ack.subscriptionId())
                    .put("total_rows", ack.totalRows());
            batchControl(m, ack.batchControl());
            JsonValues.schema(m.putArray("schema"), ack.schema());
        } else if (event instanceof LiveEvent.InitialBatch batch) {
            m.put("type", "initial_data_batch").put("subscription_id", batch.subscriptionId());
            rows(m.putArray("rows"), batch.subscriptionId(), batch.rows());
            batchControl(m, batch.batchControl());
        } else if (event instanceof LiveEvent.Change change) {
            m.put("type", "change").put("subscription_id", change.subscriptionId())
                    .put("change_type", change.changeType().name().toLowerCase(Locale.ROOT));
            if (!change.rows().isEmpty()) {
                rows(m.putArray("rows"), change.subscriptionId(), change.rows());
            }
            if (!change.oldValues().isEmpty()) {
                rows(m.putArray("old_values"), change.subscriptionId(), change.oldValues());
            }
        } else if (event instanceof LiveEvent.Error error) {
            types.remove(error.subscriptionId());
            return ProtocolMessages.error(error.subscriptionId(), error.code().name(), error.message());
        }
        return m.toString();
    }

    private void rows(ArrayNode out, String subscriptionId, List<Map<String, Object>> rows) {
        Map<String, KalamDataType> columns = types.getOrDefault(subscriptionId, Map.of());
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
