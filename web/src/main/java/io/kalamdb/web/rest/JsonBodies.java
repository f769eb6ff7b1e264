package io.kalamdb.web.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies: at most a configured number of bytes, a JSON object, fields of the expected kinds.
 * Every failure is a client error (MESSAGE_TOO_LARGE, HTTP 413, for a body over the limit, else INVALID_PARAMETER,
 * HTTP 400), never a stack trace.
 */
public final class JsonBodies {
    /** The mapper for request and response bodies: integers as Long, decimals as BigDecimal. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private JsonBodies() {
    }

    /**
     * @param in       the request body
     * @param maxBytes the largest accepted body, in bytes
     * @return the body's JSON object
     * @throws KalamException MESSAGE_TOO_LARGE if it is larger than {@code maxBytes}; INVALID_PARAMETER if it is not
     *                        JSON or not an object
     */
    public static ObjectNode readObject(InputStream in, int maxBytes) {
        return parseObject(read(in, maxBytes));
    }

    /**
     * As {@link #readObject}, but an empty (or blank) body is an empty object: for endpoints whose fields are all
     * optional.
     *
     * @param in       the request body
     * @param maxBytes the largest accepted body, in bytes
     * @return the body's JSON object, empty for an empty body
     * @throws KalamException MESSAGE_TOO_LARGE if it is too large; INVALID_PARAMETER if it is not JSON or not an
     *                        object
     */
    public static ObjectNode readOptionalObject(InputStream in, int maxBytes) {
        byte[] bytes = read(in, maxBytes);
        return new String(bytes, StandardCharsets.UTF_8).isBlank() ? MAPPER.createObjectNode() : parseObject(bytes);
    }

    private static byte[] read(InputStream in, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Cannot read the request body");
        }
        if (bytes.length > maxBytes) {
            throw new KalamException(ErrorCode.MESSAGE_TOO_LARGE, "Request body exceeds " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static ObjectNode parseObject(byte[] bytes) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Malformed JSON body");
        }
        if (node == null || !node.isObject()) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * @return the text of an optional string field, or null if absent or null
     * @throws KalamException INVALID_PARAMETER if present with another JSON type
     */
    public static String optionalText(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Field '" + field + "' must be a string");
        }
        return v.asText();
    }
}
