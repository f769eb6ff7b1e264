package io.kalamdb.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ColumnDefault;
import io.kalamdb.core.model.ColumnDefinition;
import io.kalamdb.core.model.KalamDataType;
import io.kalamdb.core.model.TableDefinition;
import io.kalamdb.core.model.TableId;
import io.kalamdb.core.model.TableOptions;
import io.kalamdb.core.model.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's JSON form of table definitions, including definitions written by earlier versions. */
class TableDefinitionCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TableDefinition stream(Long maxBuffer) {
        return new TableDefinition(TableId.of("app", "feed"), TableType.STREAM,
                List.of(new ColumnDefinition(0, "id", 1, KalamDataType.TEXT, false, true, ColumnDefault.NONE, null)),
                new TableOptions("local", null, 60L, maxBuffer, null, null, false), 2, 1, 1_000L, 2_000L);
    }

    @Test
    void streamOptionsSurviveARoundTrip() {
        assertEquals(stream(500L), TableDefinitionCodec.decode(TableDefinitionCodec.encode(stream(500L))));
        assertEquals(stream(null), TableDefinitionCodec.decode(TableDefinitionCodec.encode(stream(null))));
    }

    @Test
    void aDefinitionWrittenBeforeMaxBufferExistedHasNoCap() throws Exception {
        ObjectNode legacy = (ObjectNode) JSON.readTree(TableDefinitionCodec.encode(stream(500L)));
        ((ObjectNode) legacy.get("options")).remove("max_buffer");

        TableDefinition decoded = TableDefinitionCodec.decode(JSON.writeValueAsBytes(legacy));

        assertNull(decoded.options().maxBuffer());
        assertEquals(60L, decoded.options().ttlSeconds());
    }
}
