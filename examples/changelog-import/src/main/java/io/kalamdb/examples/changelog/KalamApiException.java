package io.kalamdb.examples.changelog;

/**
 * A KalamDB HTTP API call that did not succeed: an error response (DESIGN.md §5: {@code status: error} with an
 * error code), an unexpected response, or no response at all.
 */
public final class KalamApiException extends RuntimeException {
    private final int status;
    private final String code;

    /**
     * @param status  the HTTP status, or 0 if the server could not be reached
     * @param code    the API error code (e.g. {@code ALREADY_EXISTS}), or null if the response had none
     * @param message what failed, with the server's message
     * @param cause   the underlying failure, or null
     */
    public KalamApiException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** @return the HTTP status, or 0 if the server could not be reached */
    public int status() {
        return status;
    }

    /** @return the API error code, or null */
    public String code() {
        return code;
    }
}
