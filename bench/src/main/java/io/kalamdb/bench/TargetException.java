package io.kalamdb.bench;

/** A statement the server under test refused or could not answer: the benchmark stops rather than count it. */
public final class TargetException extends RuntimeException {
    /**
     * @param message what failed, with the server's answer
     * @param cause   the underlying failure, or null
     */
    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
