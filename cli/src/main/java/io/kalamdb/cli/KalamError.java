package io.kalamdb.cli;

/**
 * A failure the user is told about in one line: an error the server answered with (its contract code, e.g.
 * {@code TABLE_NOT_FOUND}, and message) or a connection that could not be made ({@link #UNREACHABLE}).
 */
public final class KalamError extends Exception {
    /** The code of a server that could not be reached or answered something that is not the API. */
    public static final String UNREACHABLE = "UNREACHABLE";

    private final String code;

    /**
     * @param code    the contract's error code, or {@link #UNREACHABLE}
     * @param message what went wrong, for people
     */
    public KalamError(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the contract's error code, or {@link #UNREACHABLE} */
    public String code() {
        return code;
    }

    /** @return whether the server could not be reached at all */
    public boolean unreachable() {
        return UNREACHABLE.equals(code);
    }

    /** @return {@code ERROR (CODE): message}, without a repeated {@code ERROR:} prefix from the server */
    public String display() {
        return display(code, getMessage());
    }

    /**
     * @param code    an error code
     * @param message its message
     * @return {@code ERROR (CODE): message}, without a repeated {@code ERROR:} prefix from the server
     */
    public static String display(String code, String message) {
        return "ERROR (" + code + "): " + (message.startsWith("ERROR: ") ? message.substring(7) : message);
    }
}
