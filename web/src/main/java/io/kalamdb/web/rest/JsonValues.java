package io.kalamdb.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.sql.ResultColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Fast conversions between JSON trees and the Java values of request parameters and result cells, without
 * Jackson's general data binding (which buffers every value through a token stream — measurable at
 * thousands of cells per request).
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {
    }

    /**
     * @return a request parameter as Java: integers as Long (BigDecimal beyond 64 bits), other numbers as
     *         BigDecimal, strings, booleans, null; arrays and objects as Lists and Maps
     */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return JsonBodies.MAPPER.convertValue(node, Object.class);
    }

    /** @return a result cell (already encoded by {@code KalamDataType#toJsonValue}) as a JSON tree */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String s) {
            return NODES.textNode(s);
        } else if (value instanceof Long l) {
            return NODES.numberNode(l);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Short s) {
            return NODES.numberNode(s);
        } else if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof Float f) {
            return NODES.numberNode(f);
        } else if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        } else if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof JsonNode n) {
            return n;
        } else if (value instanceof float[] vector) {
            ArrayNode a = NODES.arrayNode(vector.length);
            for (float x : vector) {
                a.add(x);
            }
            return a;
        }
        return JsonBodies.MAPPER.valueToTree(value);
    }

    /**
     * Writes a result schema as DESIGN.md §5 has it: one {@code {"name","data_type","index","flags"}} object
     * per column — the same in HTTP results and in WebSocket {@code subscription_ack}s.
     */
    public static void schema(ArrayNode out, List<ResultColumn> columns) {
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            ObjectNode col = out.addObject().put("name", c.name());
            col.set("data_type", JsonBodies.MAPPER.valueToTree(c.type().wireName()));
            col.put("index", i);
            ArrayNode flags = col.putArray("flags");
            c.flags().forEach(flags::add);
        }
    }
}
