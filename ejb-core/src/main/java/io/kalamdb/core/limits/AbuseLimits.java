package io.kalamdb.core.limits;

/**
 * The server's per-user, per-address and per-connection limits (OWASP API4, unrestricted resource consumption),
 * read by {@code ServerSettings} from {@code kalamdb.*} keys and enforced by the web layer. A rate or count of 0
 * turns that limit off.
 *
 * @param sqlRequestsPerSecondPerUser      {@code /v1/api/sql} requests per second of one user (role system is exempt)
 * @param authAttemptsPerSecondPerAddress  login and refresh requests per second from one client address
 * @param wsConnectionsPerAddress          open WebSocket connections of one client address
 * @param wsMessagesPerSecondPerConnection client messages per second on one WebSocket
 * @param wsMaxMessageBytes                the largest client WebSocket message, in UTF-8 bytes
 */
public record AbuseLimits(int sqlRequestsPerSecondPerUser, int authAttemptsPerSecondPerAddress,
                          int wsConnectionsPerAddress, int wsMessagesPerSecondPerConnection, int wsMaxMessageBytes) {
    /** The defaults: 1,000 SQL requests/s per user, 20 auth attempts/s per address, 500 WebSockets per address,
     *  200 messages/s per WebSocket, 1 MiB per WebSocket message. */
    public static final AbuseLimits DEFAULTS = new AbuseLimits(1_000, 20, 500, 200, 1024 * 1024);

    /** Requires non-negative values and a positive message size. */
    public AbuseLimits {
        if (sqlRequestsPerSecondPerUser < 0 || authAttemptsPerSecondPerAddress < 0 || wsConnectionsPerAddress < 0
                || wsMessagesPerSecondPerConnection < 0 || wsMaxMessageBytes < 1) {
            throw new IllegalArgumentException("Abuse limits must not be negative (and a message size at least 1)");
        }
    }
}
