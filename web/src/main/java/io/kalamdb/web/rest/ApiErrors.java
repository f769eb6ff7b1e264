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
     * The status of an error outside {@code /v1/api/sql}: as {@link #status}, except that ALREADY_EXISTS is 409
     * Conflict — the state of the server forbids the request, as upstream KalamDB answers
     * {@code POST /v1/api/auth/setup} on a configured server or for an existing user name. {@code /v1/api/sql} keeps
     * 400 for it, as upstream's SQL API does.
     *
     * @return the HTTP status for a code raised by any resource but the SQL one
     */
    public static int endpointStatus(ErrorCode code) {
        return code == ErrorCode.ALREADY_EXISTS ? 409 : status(code);
    }

    /**
     * @param code    the contract code
     * @param message the client-safe message
     * @param tookMs  time spent, in milliseconds
     * @return the error response with the status {@link #status} maps the code to
     */
    public static Response response(ErrorCode code, String message, double tookMs) {
        return response(status(code), code, message, tookMs);
    }

    /**
     * @param httpStatus the HTTP status
     * @param code       the contract code
     * @param message    the client-safe message
     * @param tookMs     time spent, in milliseconds
     * @return the error response
     */
    public static Response response(int httpStatus, ErrorCode code, String message, double tookMs) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", "error");
        body.putArray("results");
        body.put("took", tookMs);
        ObjectNode error = body.putObject("error");
        error.put("code", code.name());
        error.put("message", message);
        error.putNull("details");
        return Response.status(httpStatus).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
