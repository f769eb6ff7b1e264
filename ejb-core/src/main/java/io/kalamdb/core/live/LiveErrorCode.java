package io.kalamdb.core.live;

import io.kalamdb.core.model.ErrorCode;

/** The error codes of the WebSocket protocol (DESIGN.md §6), sent in {@code error} messages. */
public enum LiveErrorCode {
    /** The connection is not authenticated. */
    AUTH_REQUIRED(ErrorCode.AUTH_REQUIRED),
    /** The subscription SQL does not parse or validate. */
    INVALID_SQL(ErrorCode.INVALID_SQL),
    /** The subscriber may not read the table, or may not end that live query. */
    UNAUTHORIZED(ErrorCode.PERMISSION_DENIED),
    /** The table or subscription does not exist. */
    NOT_FOUND(ErrorCode.NOT_FOUND),
    /** Too many subscriptions on the connection or for the user. */
    SUBSCRIPTION_LIMIT_EXCEEDED(ErrorCode.INVALID_PARAMETER),
    /** The subscription id is missing, malformed or already used on the connection. */
    INVALID_SUBSCRIPTION_ID(ErrorCode.INVALID_PARAMETER),
    /** A valid query that live queries do not support (joins, GROUP BY, ORDER BY, LIMIT, …). */
    UNSUPPORTED(ErrorCode.INVALID_SQL),
    /** A client message exceeded the size limit. */
    MESSAGE_TOO_LARGE(ErrorCode.INVALID_PARAMETER),
    /** A configured rate limit was hit. */
    RATE_LIMIT_EXCEEDED(ErrorCode.RATE_LIMIT_EXCEEDED),
    /** A message out of protocol: unknown type, wrong state (e.g. {@code next_batch} with nothing to page). */
    PROTOCOL(ErrorCode.INVALID_PARAMETER);

    private final ErrorCode errorCode;

    LiveErrorCode(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    /** @return the engine-wide error code this protocol code corresponds to */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
