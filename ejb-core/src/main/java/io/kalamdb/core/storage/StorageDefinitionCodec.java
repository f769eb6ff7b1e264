package io.kalamdb.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.io.IOException;

/**
 * JSON encoding of {@link StorageDefinition} in {@code system_storages} (key: the id as UTF-8): {@code id},
 * {@code type} (wire name), {@code base_path}, {@code shared_tables_template}, {@code user_tables_template},
 * {@code description}, {@code credentials} (the JSON object's text), {@code created_at}, {@code updated_at}.
 */
final class StorageDefinitionCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StorageDefinitionCodec() {
    }

    static byte[] encode(StorageDefinition def) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", def.id().value());
        root.put("type", def.type().wireName());
        root.put("base_path", def.basePath());
        root.put("shared_tables_template", def.sharedTablesTemplate().text());
        root.put("user_tables_template", def.userTablesTemplate().text());
        root.put("description", def.description());
        root.put("credentials", def.credentials());
        root.put("created_at", def.createdAt());
        root.put("updated_at", def.updatedAt());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encode storage " + def.id(), e);
        }
    }

    static StorageDefinition decode(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            return new StorageDefinition(new StorageId(root.get("id").asText()),
                    StorageType.parse(root.get("type").asText()), root.get("base_path").asText(),
                    PathTemplate.parseShared(root.get("shared_tables_template").asText()),
                    PathTemplate.parseUser(root.get("user_tables_template").asText()), text(root, "description"),
                    text(root, "credentials"), root.get("created_at").asLong(), root.get("updated_at").asLong());
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt storage definition", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
