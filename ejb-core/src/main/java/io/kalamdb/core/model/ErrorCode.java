package io.kalamdb.core.model;

/**
 * Error codes of the HTTP and WebSocket contracts (DESIGN.md §5, §6). The web layer maps each code to an
 * HTTP status in one place; the engine only ever names the code.
 */
public enum ErrorCode {
    /** The SQL text does not parse or does not validate. */
    INVALID_SQL,
    /** The request carried no SQL. */
    EMPTY_SQL,
    /** One statement of a multi-statement batch does not parse; nothing ran. */
    BATCH_PARSE_ERROR,
    /** Parameters were given with a multi-statement batch. */
    PARAMS_WITH_BATCH,
    /** A parameter or request field has the wrong shape or value. */
    INVALID_PARAMETER,
    /** The named table does not exist. */
    TABLE_NOT_FOUND,
    /** The named namespace does not exist. */
    NAMESPACE_NOT_FOUND,
    /** The named object (user, storage, …) does not exist. */
    NOT_FOUND,
    /** The object to create exists already. */
    ALREADY_EXISTS,
    /** The caller may not do this. */
    PERMISSION_DENIED,
    /** The request carries no or bad credentials. */
    AUTH_REQUIRED,
    /** NOT NULL, type or duplicate-primary-key violation; nothing was written. */
    CONSTRAINT_VIOLATION,
    /** The statement was valid but failed while running. */
    SQL_EXECUTION_ERROR,
    /** A configured rate limit was hit. */
    RATE_LIMIT_EXCEEDED,
    /** A request body, WebSocket message or query result is larger than its configured maximum. */
    MESSAGE_TOO_LARGE,
    /** A bug: anything the engine did not expect. */
    INTERNAL_ERROR
}
