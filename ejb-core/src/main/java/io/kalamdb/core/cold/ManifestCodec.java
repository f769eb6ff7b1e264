package io.kalamdb.core.cold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.UserId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link Manifest}, used both in RocksDB and for {@code manifest.json}:
 * <pre>{@code {"namespace":"app","table":"messages","owner":"alice","storage_id":"local",
 *  "directory":"app/messages/alice","next_segment_id":3,
 *  "segments":[{"id":1,"file":"batch-1.parquet","rows":1000,"bytes":41234,"min_seq":"…","max_seq":"…",
 *               "schema_version":1,"min_pk":1,"max_pk":1000,"created_at":1700000000000}, …]}}</pre>
 * {@code owner} is null for SHARED tables; {@code _seq} values are strings (64-bit); primary keys are JSON
 * numbers (BIGINT keys) or strings (TEXT keys).
 */
final class ManifestCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestCodec() {
    }

    static byte[] encode(Manifest m) {
        ObjectNode o = JSON.createObjectNode().put("namespace", m.table().namespace().value())
                .put("table", m.table().name().value())
                .put("owner", m.owner() == null ? null : m.owner().value())
                .put("storage_id", m.storageId()).put("directory", m.directory())
                .put("next_segment_id", m.nextSegmentId());
        ArrayNode segments = o.putArray("segments");
        for (Segment s : m.segments()) {
            ObjectNode n = segments.addObject().put("id", s.id()).put("file", s.file()).put("rows", s.rows())
                    .put("bytes", s.bytes()).put("min_seq", Long.toString(s.minSeq()))
                    .put("max_seq", Long.toString(s.maxSeq())).put("schema_version", s.schemaVersion());
            putKey(n, "min_pk", s.minPk());
            putKey(n, "max_pk", s.maxPk());
            n.put("created_at", s.createdAt());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encode a manifest", e);
        }
    }

    static Manifest decode(byte[] bytes) {
        try {
            JsonNode o = JSON.readTree(bytes);
            List<Segment> segments = new ArrayList<>();
            for (JsonNode n : o.path("segments")) {
                segments.add(new Segment(n.path("id").asLong(), n.path("file").asText(), n.path("rows").asLong(),
                        n.path("bytes").asLong(), Long.parseLong(n.path("min_seq").asText()),
                        Long.parseLong(n.path("max_seq").asText()), n.path("schema_version").asInt(),
                        key(n.path("min_pk")), key(n.path("max_pk")), n.path("created_at").asLong()));
            }
            JsonNode owner = o.path("owner");
            return new Manifest(TableId.of(o.path("namespace").asText(), o.path("table").asText()),
                    owner.isNull() || owner.isMissingNode() ? null : new UserId(owner.asText()),
                    o.path("storage_id").asText(), o.path("directory").asText(), o.path("next_segment_id").asLong(),
                    segments);
        } catch (IOException | RuntimeException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Corrupt manifest: " + e.getMessage(), e);
        }
    }

    private static void putKey(ObjectNode n, String field, Object pk) {
        if (pk instanceof Long l) {
            n.put(field, l);
        } else {
            n.put(field, (String) pk);
        }
    }

    private static Object key(JsonNode n) {
        return n.isNumber() ? (Object) n.asLong() : n.asText();
    }
}
