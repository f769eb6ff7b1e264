package io.kalamdb.web.limits;

import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.limits.AbuseLimits;
import io.kalamdb.core.limits.RateLimiter;
import io.kalamdb.core.limits.SlotLimiter;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.Role;
import io.kalamdb.core.model.UserId;
import io.kalamdb.core.runtime.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's abuse limits ({@link AbuseLimits}, OWASP API4) and their state: a {@link RateLimiter} per user for
 * SQL requests, per client address for login and refresh, per WebSocket connection for client messages, and a
 * {@link SlotLimiter} of open WebSockets per client address. Refusals are RATE_LIMIT_EXCEEDED (HTTP 429).
 * Role {@code system} (root) is exempt from the SQL rate: it is the operator's own account, used by tools and
 * benchmarks that run thousands of statements a second. All state is in memory and bounded.
 */
@ApplicationScoped
public class AbuseGuard {
    private final AbuseLimits limits;
    private final RateLimiter<UserId> sqlPerUser;
    private final RateLimiter<String> authPerAddress;
    private final RateLimiter<String> messagesPerConnection;
    private final SlotLimiter<String> socketsPerAddress;

    /** The server's guard, configured by {@link ServerSettings#abuseLimits}. */
    public AbuseGuard() {
        this(ServerSettings.abuseLimits(ConfigProvider.getConfig()));
    }

    /** @param limits the limits to enforce */
    public AbuseGuard(AbuseLimits limits) {
        this.limits = limits;
        this.sqlPerUser = RateLimiter.perSecond(limits.sqlRequestsPerSecondPerUser());
        this.authPerAddress = RateLimiter.perSecond(limits.authAttemptsPerSecondPerAddress());
        this.messagesPerConnection = RateLimiter.perSecond(limits.wsMessagesPerSecondPerConnection());
        this.socketsPerAddress = new SlotLimiter<>(limits.wsConnectionsPerAddress());
    }

    /**
     * Counts one {@code /v1/api/sql} request of {@code user}.
     *
     * @throws KalamException RATE_LIMIT_EXCEEDED if the user is over {@code kalamdb.sql.requests.per.second.per.user}
     */
    public void sqlRequest(UserRecord user) {
        if (user.role() != Role.SYSTEM && !sqlPerUser.tryAcquire(user.id())) {
            throw new KalamException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests: at most "
                    + limits.sqlRequestsPerSecondPerUser() + " SQL requests per second per user "
                    + "(kalamdb.sql.requests.per.second.per.user); retry shortly");
        }
    }

    /**
     * Counts one login or refresh from a client address, before any password or token is checked.
     *
     * @param address the client address ({@link io.kalamdb.web.net.ClientAddress})
     * @throws KalamException RATE_LIMIT_EXCEEDED if the address is over {@code kalamdb.auth.attempts.per.second.per.ip}
     */
    public void authAttempt(String address) {
        if (!authPerAddress.tryAcquire(address)) {
            throw new KalamException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many authentication attempts: at most "
                    + limits.authAttemptsPerSecondPerAddress() + " per second from one address "
                    + "(kalamdb.auth.attempts.per.second.per.ip); retry shortly");
        }
    }

    /**
     * Takes a WebSocket slot for a client address; every {@code true} must be matched by {@link #socketClosed}.
     *
     * @return false if the address already holds {@code kalamdb.ws.max.connections.per.ip} connections
     */
    public boolean socketOpened(String address) {
        return socketsPerAddress.tryAcquire(address);
    }

    /** Gives back the slot of a WebSocket whose {@link #socketOpened} returned true. */
    public void socketClosed(String address) {
        socketsPerAddress.release(address);
    }

    /** Forgets the message rate of a WebSocket that has closed. */
    public void connectionClosed(String connectionId) {
        messagesPerConnection.forget(connectionId);
    }

    /** @return the message of a WebSocket refused for its address's connection count */
    public String tooManySockets() {
        return "Too many WebSocket connections: at most " + limits.wsConnectionsPerAddress()
                + " from one address (kalamdb.ws.max.connections.per.ip)";
    }

    /**
     * Counts one client message on a WebSocket.
     *
     * @param connectionId the connection's id, unique among open connections
     * @return null if the message may be handled, else the RATE_LIMIT_EXCEEDED message to send (the message is
     *         dropped)
     */
    public String socketMessage(String connectionId) {
        return messagesPerConnection.tryAcquire(connectionId) ? null : "Too many messages: at most "
                + limits.wsMessagesPerSecondPerConnection() + " per second on one connection "
                + "(kalamdb.ws.messages.per.second.per.connection); messages are dropped until the rate falls";
    }

    /** @return the largest client WebSocket message, in UTF-8 bytes ({@code kalamdb.ws.max.message.bytes}) */
    public int maxMessageBytes() {
        return limits.wsMaxMessageBytes();
    }

    /** @return the MESSAGE_TOO_LARGE message for a WebSocket message over {@link #maxMessageBytes()} */
    public String tooLargeMessage() {
        return "Message exceeds " + limits.wsMaxMessageBytes() + " bytes (kalamdb.ws.max.message.bytes)";
    }
}
