package io.kalamdb.examples.changelog;

/**
 * A KalamDB HTTP API call that did not succeed: an error response (DESIGN.md §5: {@code status: error} with an
 * error code), an unexpected response, or no response at all. The message names the call, the HTTP status, the
 * error code and the server's message.
 */
public final class KalamApiException extends RuntimeException {
    /**
     * @param message what failed, with the server's answer
     * @param cause   the underlying failure, or null
     */
    public KalamApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
