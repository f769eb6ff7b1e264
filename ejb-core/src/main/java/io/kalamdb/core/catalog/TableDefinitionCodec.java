package io.kalamdb.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ColumnDefault;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableOptions;
import io.kalamdb.core.model.TableType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON encoding of {@link TableDefinition} in {@code system_tables}: one document per schema version, with
 * column types in their SQL spelling ({@code DECIMAL(10,2)}).
 */
final class TableDefinitionCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableDefinitionCodec() {
    }

    static byte[] encode(TableDefinition def) {
        ObjectNode root = JSON.createObjectNode();
        root.put("namespace", def.id().namespace().value());
        root.put("name", def.id().name().value());
        root.put("type", def.type().name());
        root.put("schema_version", def.schemaVersion());
        root.put("next_column_id", def.nextColumnId());
        root.put("created_at", def.createdAt());
        root.put("updated_at", def.updatedAt());
        ArrayNode cols = root.putArray("columns");
        for (ColumnDefinition c : def.columns()) {
            ObjectNode n = cols.addObject();
            n.put("id", c.columnId());
            n.put("name", c.name());
            n.put("ordinal", c.ordinal());
            n.put("type", c.dataType().kind().name());
            n.put("precision", c.dataType().precision());
            n.put("scale", c.dataType().scale());
            n.put("nullable", c.nullable());
            n.put("primary_key", c.primaryKey());
            n.put("default", c.defaultValue().sql());
            n.put("comment", c.comment());
        }
        TableOptions o = def.options();
        ObjectNode opts = root.putObject("options");
        opts.put("storage_id", o.storageId());
        opts.put("flush_policy", o.flushPolicy());
        opts.put("ttl_seconds", o.ttlSeconds());
        opts.put("max_buffer", o.maxBuffer());
        opts.put("access_level", o.accessLevel());
        opts.put("deleted_retention_hours", o.deletedRetentionHours());
        opts.put("use_user_storage", o.useUserStorage());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encode table definition", e);
        }
    }

    static TableDefinition decode(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            List<ColumnDefinition> cols = new ArrayList<>();
            for (JsonNode n : root.get("columns")) {
                KalamDataType.Kind kind = KalamDataType.Kind.valueOf(n.get("type").asText());
                KalamDataType type = switch (kind) {
                    case DECIMAL -> KalamDataType.decimal(n.get("precision").asInt(), n.get("scale").asInt());
                    case EMBEDDING -> KalamDataType.embedding(n.get("precision").asInt());
                    default -> KalamDataType.fromSql(kind.name(), List.of());
                };
                cols.add(new ColumnDefinition(n.get("id").asInt(), n.get("name").asText(), n.get("ordinal").asInt(),
                        type, n.get("nullable").asBoolean(), n.get("primary_key").asBoolean(),
                        new ColumnDefault(text(n, "default")), text(n, "comment")));
            }
            JsonNode o = root.get("options");
            TableOptions options = new TableOptions(text(o, "storage_id"), text(o, "flush_policy"),
                    o.get("ttl_seconds").isNull() ? null : o.get("ttl_seconds").asLong(),
                    optionalLong(o, "max_buffer"), text(o, "access_level"),
                    o.get("deleted_retention_hours").isNull() ? null : o.get("deleted_retention_hours").asInt(),
                    o.get("use_user_storage").asBoolean());
            return new TableDefinition(TableId.of(root.get("namespace").asText(), root.get("name").asText()),
                    TableType.valueOf(root.get("type").asText()), cols, options,
                    root.get("schema_version").asInt(), root.get("next_column_id").asInt(),
                    root.get("created_at").asLong(), root.get("updated_at").asLong());
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt table definition", e);
        }
    }

    /** @return the field's value, or null if it is null or absent (definitions written before it existed) */
    private static Long optionalLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
