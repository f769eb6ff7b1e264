package io.kalamdb.core.model;

/**
 * The one exception type of the engine: an {@link ErrorCode} from the contract and a message that is safe to
 * show a client. Never carries a stack trace to the client; the cause is for the logs.
 */
public class KalamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    the contract error code
     * @param message client-facing message
     */
    public KalamException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param code    the contract error code
     * @param message client-facing message
     * @param cause   the underlying failure, logged but never sent to clients
     */
    public KalamException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return the contract error code */
    public ErrorCode code() {
        return code;
    }

    /** Shorthand for {@code new KalamException(INVALID_SQL, message)}. */
    public static KalamException invalidSql(String message) {
        return new KalamException(ErrorCode.INVALID_SQL, message);
    }
}
