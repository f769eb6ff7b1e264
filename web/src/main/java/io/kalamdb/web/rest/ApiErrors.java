package io.kalamdb.web.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.model.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one place that maps contract error codes to HTTP statuses and builds the error envelope
 * (DESIGN.md §5): {@code {"status":"error","results":[],"took":…,"error":{"code","message","details"}}}.
 */
public final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * @return the HTTP status for a code: 401/403 for auth, 404 for unknown objects, 413 for MESSAGE_TOO_LARGE,
     *         429 for RATE_LIMIT_EXCEEDED, 500 for bugs, else 400
     */
    public static int status(ErrorCode code) {
        return switch (code) {
            case AUTH_REQUIRED -> 401;
            case PERMISSION_DENIED -> 403;
            case TABLE_NOT_FOUND, NAMESPACE_NOT_FOUND, NOT_FOUND -> 404;
            case MESSAGE_TOO_LARGE -> 413;
            case RATE_LIMIT_EXCEEDED -> 429;
            case INTERNAL_ERROR -> 500;
            default -> 400;
        };
    }

    /**
     * @param code    the contract code
     * @param message the client-safe message
     * @param tookMs  time spent, in milliseconds
     * @return the error response with the mapped status
     */
    public static Response response(ErrorCode code, String message, double tookMs) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", "error");
        body.putArray("results");
        body.put("took", tookMs);
        ObjectNode error = body.putObject("error");
        error.put("code", code.name());
        error.put("message", message);
        error.putNull("details");
        return Response.status(status(code)).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
