package io.kalamdb.web.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalamdb.core.live.SubscriptionOptions;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;

/** Reads the {@code options} of a {@code subscribe} message and maps engine errors to protocol codes. */
final class SubscriptionRequest {
    private SubscriptionRequest() {
    }

    /**
     * @param options {@code {"batch_size":500,"last_rows":100,"from":"7234987234"}}; {@code from_seq_id} is
     *                an alias of {@code from}; ids may be strings or numbers
     * @return the engine's options, defaults for what is absent
     * @throws KalamException INVALID_PARAMETER for a value of the wrong shape
     */
    static SubscriptionOptions options(JsonNode options) {
        SubscriptionOptions d = SubscriptionOptions.defaults();
        int batchSize = options.has("batch_size") ? (int) number(options.get("batch_size"), "batch_size") : d.batchSize();
        Integer lastRows = options.hasNonNull("last_rows") ? (int) number(options.get("last_rows"), "last_rows") : null;
        JsonNode from = options.hasNonNull("from") ? options.get("from") : options.get("from_seq_id");
        Long fromSeq = from == null || from.isNull() ? null : number(from, "from");
        return new SubscriptionOptions(batchSize, lastRows, fromSeq);
    }

    /** @return the WebSocket error code for an engine error */
    static String code(ErrorCode code) {
        return switch (code) {
            case TABLE_NOT_FOUND, NAMESPACE_NOT_FOUND, NOT_FOUND -> "NOT_FOUND";
            case PERMISSION_DENIED -> "UNAUTHORIZED";
            case AUTH_REQUIRED -> "AUTH_REQUIRED";
            case RATE_LIMIT_EXCEEDED -> "RATE_LIMIT_EXCEEDED";
            case INVALID_SQL, EMPTY_SQL -> "INVALID_SQL";
            default -> "PROTOCOL";
        };
    }

    private static long number(JsonNode node, String field) {
        try {
            return node.isNumber() ? node.longValue() : Long.parseLong(node.asText().strip());
        } catch (NumberFormatException e) {
            throw new KalamException(ErrorCode.INVALID_PARAMETER, "Option " + field + " must be a number");
        }
    }
}
