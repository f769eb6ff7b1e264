package io.kalamdb.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One row change decoded by wal2json in {@code format-version 2}, where every change is its own JSON message:
 * {@code {"action":"I","schema":"public","table":"t","columns":[{"name":"id","type":"bigint","value":1},…]}}
 * ({@code U} carries {@code columns} (the new row) and {@code identity} (the old replica identity), {@code D} only
 * {@code identity}). Transaction ({@code B}/{@code C}), truncate ({@code T}) and logical message ({@code M}) records
 * are not row changes. Source: the wal2json README, "format-version 2".
 *
 * @param action   {@code I} insert, {@code U} update or {@code D} delete
 * @param table    the table, {@code schema.table}
 * @param columns  the new row's values by column name (empty for a delete); JSON as wal2json wrote them
 * @param types    the column types by name, e.g. {@code bigint}, {@code text}, of the new row and the identity
 * @param identity the old row's replica-identity values by column name (empty for an insert)
 */
public record Wal2JsonChange(char action, String table, Map<String, JsonNode> columns, Map<String, String> types,
                             Map<String, JsonNode> identity) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses one wal2json format-version 2 message.
     *
     * @param message the message text
     * @return the row change, or null for a message that is not one ({@code B}, {@code C}, {@code T}, {@code M})
     * @throws IllegalArgumentException if the text is not a wal2json format-version 2 message
     */
    public static Wal2JsonChange parse(String message) {
        JsonNode m;
        try {
            m = JSON.readTree(message);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON from wal2json: " + message, e);
        }
        return of(m, () -> message);
    }

    /**
     * {@link #parse(String)} of a message as the replication stream hands it over, UTF-8 bytes, without copying it
     * into a string first.
     *
     * @param data   holds the message
     * @param offset where it starts
     * @param length its length in bytes
     * @return the row change, or null for a message that is not one
     * @throws IllegalArgumentException if the bytes are not a wal2json format-version 2 message
     */
    static Wal2JsonChange parse(byte[] data, int offset, int length) {
        Supplier<String> message = () -> new String(data, offset, length, StandardCharsets.UTF_8);
        JsonNode m;
        try {
            m = JSON.readTree(data, offset, length);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON from wal2json: " + message.get(), e);
        }
        return of(m, message);
    }

    private static Wal2JsonChange of(JsonNode m, Supplier<String> message) {
        String action = m.path("action").asText();
        if (action.length() != 1) {
            throw new IllegalArgumentException("No wal2json format-version 2 action in " + message.get());
        }
        char a = action.charAt(0);
        if (a != 'I' && a != 'U' && a != 'D') {
            return null;
        }
        Map<String, JsonNode> columns = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode c : m.path("columns")) {
            columns.put(c.path("name").asText(), c.path("value"));
            types.put(c.path("name").asText(), c.path("type").asText());
        }
        Map<String, JsonNode> identity = new LinkedHashMap<>();
        for (JsonNode c : m.path("identity")) {
            identity.put(c.path("name").asText(), c.path("value"));
            types.putIfAbsent(c.path("name").asText(), c.path("type").asText());
        }
        return new Wal2JsonChange(a, m.path("schema").asText() + "." + m.path("table").asText(), columns, types,
                identity);
    }
}
