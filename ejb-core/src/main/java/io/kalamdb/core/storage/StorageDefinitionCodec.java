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

    static byte[] encode(StorageDefinition def, CredentialCipher cipher) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", def.id().value());
        root.put("type", def.type().wireName());
        root.put("base_path", def.basePath());
        root.put("shared_tables_template", def.sharedTablesTemplate().text());
        root.put("user_tables_template", def.userTablesTemplate().text());
        root.put("description", def.description());
        root.put("credentials", cipher.encrypt(def.credentials(), def.id()));
        root.put("created_at", def.createdAt());
        root.put("updated_at", def.updatedAt());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encode storage " + def.id(), e);
        }
    }

    /**
     * @return the definition with its credentials decrypted; a value stored before encryption existed (plain
     *         JSON) is returned as it is — {@link #storedInPlaintext} tells, so the caller can rewrite it
     */
    static StorageDefinition decode(byte[] bytes, CredentialCipher cipher) {
        try {
            JsonNode root = JSON.readTree(bytes);
            StorageId id = new StorageId(root.get("id").asText());
            String stored = text(root, "credentials");
            String credentials = stored == null || !stored.startsWith(CredentialCipher.PREFIX) ? stored
                    : cipher.decrypt(stored, id);
            return new StorageDefinition(id,
                    StorageType.parse(root.get("type").asText()), root.get("base_path").asText(),
                    PathTemplate.parseShared(root.get("shared_tables_template").asText()),
                    PathTemplate.parseUser(root.get("user_tables_template").asText()), text(root, "description"),
                    credentials, root.get("created_at").asLong(), root.get("updated_at").asLong());
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt storage definition", e);
        }
    }

    /** @return whether the stored definition holds credentials in plain text (written before encryption) */
    static boolean storedInPlaintext(byte[] bytes) {
        try {
            String stored = text(JSON.readTree(bytes), "credentials");
            return stored != null && !stored.startsWith(CredentialCipher.PREFIX);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt storage definition", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
