package io.kalamdb.web.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kalamdb.core.auth.AuthService;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.core.live.LiveQueryException;
import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.runtime.EngineHolder;
import io.kalamdb.core.sql.SqlSession;
import io.kalamdb.web.limits.AbuseGuard;
import io.kalamdb.web.net.ClientAddressFilter;
import io.kalamdb.web.rest.JsonBodies;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /v1/ws}, the WebSocket protocol of DESIGN.md §6. Authentication is either the upgrade's
 * {@code Authorization: Bearer} header (then {@code auth_success} is sent unprompted) or an
 * {@code authenticate} message with a JWT within 3 seconds; otherwise {@code auth_error} and close.
 * {@code ping} is answered with {@code pong}; {@code subscribe}, {@code next_batch} and {@code unsubscribe}
 * go to the engine's live-query manager, whose events reach the client through a {@link ConnectionSink}.
 * A connection with no message in either direction for {@code kalamdb.ws.idle.timeout.seconds} (default
 * 300) is closed with status 1001 (going away); the check runs every quarter of the timeout (at most every
 * 10 s) and also closes, with {@code auth_error} and 1008, a connection whose access token has expired or was
 * revoked (logout) or whose user was dropped. The container's own idle timeout is off: Liberty closes with status 1006, which RFC 6455 §7.4.1
 * forbids on the wire and clients reject. The endpoint only translates messages: the logic lives in
 * ejb-core. One instance per connection.
 */
@Dependent
@ServerEndpoint(value = "/v1/ws", configurator = HandshakeCapture.class)
public class LiveSocketEndpoint {
    private static final Logger LOG = Logger.getLogger(LiveSocketEndpoint.class.getName());
    private static final String BEARER = "Bearer ";
    private static final long AUTH_TIMEOUT_MILLIS = 3_000;
    private static final int OUTBOUND_CAPACITY = 10_000;
    /**
     * The container's cap on one part (frame) of a client message, in bytes; parts are assembled by
     * {@link MessageAssembler}, which keeps at most {@code kalamdb.ws.max.message.bytes} of a message.
     */
    static final long CONTAINER_MAX_MESSAGE_BYTES = 4L * 1024 * 1024;
    /** The key of connections whose upgrade passed no {@link ClientAddressFilter} (none in this application). */
    private static final String UNKNOWN_ADDRESS = "unknown";

    @Inject
    EngineHolder engines;

    @Inject
    AbuseGuard guard;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Session session;
    private OutboundQueue outbound;
    private ConnectionSink sink;
    /** Null until the connection authenticates; its user is the connection's user. */
    private volatile AuthService.Authenticated authenticated;
    private ScheduledFuture<?> authTimeout;
    private ScheduledFuture<?> idleCheck;
    private volatile long lastReceivedNanos = System.nanoTime();
    /** The client address holding one of its WebSocket slots for this connection, or null if none was taken. */
    private String slotAddress;
    /** True while client messages are being dropped for the message rate (one error per run of drops). */
    private boolean throttled;
    private MessageAssembler inbound;

    /**
     * Refuses the connection if its client address holds {@code kalamdb.ws.max.connections.per.ip} already
     * ({@code error} RATE_LIMIT_EXCEEDED, then close 1013 "try again later"); otherwise authenticates from the
     * upgrade header or starts the 3-second wait for an {@code authenticate} message.
     */
    @OnOpen
    public void open(Session newSession) {
        this.session = newSession;
        this.outbound = new OutboundQueue(newSession, OUTBOUND_CAPACITY, scheduler);
        this.sink = new ConnectionSink(outbound);
        this.inbound = new MessageAssembler(guard.maxMessageBytes());
        newSession.setMaxIdleTimeout(0);
        newSession.setMaxTextMessageBufferSize((int) CONTAINER_MAX_MESSAGE_BYTES);
        Object address = newSession.getUserProperties().get(HandshakeCapture.CLIENT_ADDRESS);
        String client = address instanceof String a ? a : null;
        if (client == null) {
            LOG.warning("WebSocket upgrade without a client address: its connection counts under '" + UNKNOWN_ADDRESS
                    + "'");
            client = UNKNOWN_ADDRESS;
        }
        if (!guard.socketOpened(client)) {
            outbound.failWith(ProtocolMessages.error(null, ErrorCode.RATE_LIMIT_EXCEEDED.name(), guard.tooManySockets()),
                    new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections"));
            return;
        }
        slotAddress = client;
        long idleNanos = TimeUnit.SECONDS.toNanos(ConfigProvider.getConfig()
                .getOptionalValue("kalamdb.ws.idle.timeout.seconds", Long.class).orElse(300L));
        long period = Math.min(idleNanos / 4, TimeUnit.SECONDS.toNanos(10));
        idleCheck = scheduler.scheduleWithFixedDelay(() -> check(idleNanos), period, period,
                TimeUnit.NANOSECONDS);
        Object header = newSession.getUserProperties().get(HandshakeCapture.AUTHORIZATION);
        if (header instanceof String h && h.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            authenticate(h.substring(BEARER.length()).strip(), "none");
        } else {
            authTimeout = scheduler.schedule(() -> {
                if (authenticated == null) {
                    refuse("Authentication timeout: send an authenticate message within 3 seconds");
                }
            }, AUTH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Takes one part of a client message (large messages arrive in parts) and dispatches each whole message by its
     * {@code type}. Over {@code kalamdb.ws.messages.per.second.per.connection} messages are dropped (the first of
     * each run of drops is answered with {@code error} RATE_LIMIT_EXCEEDED); over {@code kalamdb.ws.max.message.bytes}
     * a message is dropped, without being held in memory, and answered with {@code error} MESSAGE_TOO_LARGE. The
     * connection stays open either way.
     */
    @OnMessage(maxMessageSize = CONTAINER_MAX_MESSAGE_BYTES)
    public void message(String part, boolean last) {
        lastReceivedNanos = System.nanoTime();
        if (inbound.atMessageStart()) {
            String throttle = guard.socketMessage(session.getId());
            if (throttle != null) {
                inbound.dropMessage();
                if (!throttled) {
                    throttled = true;
                    outbound.offer(ProtocolMessages.error(null, ErrorCode.RATE_LIMIT_EXCEEDED.name(), throttle));
                }
            } else {
                throttled = false;
            }
        }
        String text = inbound.append(part, last);
        if (inbound.wasOversize()) {
            outbound.offer(ProtocolMessages.error(null, ErrorCode.MESSAGE_TOO_LARGE.name(), guard.tooLargeMessage()));
        }
        if (text != null) {
            dispatch(text);
        }
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JsonBodies.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            outbound.offer(ProtocolMessages.error(null, "PROTOCOL", "Malformed JSON message"));
            return;
        }
        String type = message.path("type").asText("");
        if (type.equals("ping")) {
            outbound.offer(ProtocolMessages.pong());
        } else if (type.equals("authenticate")) {
            if (!"jwt".equals(message.path("method").asText("jwt"))) {
                refuse("Only the jwt authentication method is supported");
                return;
            }
            authenticate(message.path("token").asText(""), message.path("protocol").path("compression").asText("none"));
        } else if (authenticated == null) {
            outbound.offer(ProtocolMessages.error(null, "AUTH_REQUIRED", "Authenticate first"));
        } else {
            live(type, message);
        }
    }

    private void live(String type, JsonNode message) {
        String subscriptionId = type.equals("subscribe") ? message.path("subscription").path("id").asText(null)
                : message.path("subscription_id").asText(null);
        try {
            switch (type) {
                case "subscribe" -> {
                    JsonNode subscription = message.path("subscription");
                    UserRecord user = authenticated.user();
                    engines.engine().liveQueries().subscribe(new SqlSession(user.id(), user.role(), NamespaceId.DEFAULT),
                            session.getId(), subscriptionId, subscription.path("sql").asText(""),
                            SubscriptionRequest.options(subscription.path("options")), sink);
                }
                case "next_batch" -> engines.engine().liveQueries().nextBatch(session.getId(), subscriptionId);
                case "unsubscribe" -> engines.engine().liveQueries().unsubscribe(session.getId(), subscriptionId);
                default -> outbound.offer(ProtocolMessages.error(subscriptionId, "PROTOCOL",
                        "Unknown message type '" + type + "'"));
            }
        } catch (LiveQueryException e) {
            outbound.offer(ProtocolMessages.error(subscriptionId, e.liveCode().name(), e.getMessage()));
        } catch (KalamException e) {
            outbound.offer(ProtocolMessages.error(subscriptionId, SubscriptionRequest.code(e.code()), e.getMessage()));
        }
    }

    /** Releases the connection's state, its address's connection slot, and ends its subscriptions. */
    @OnClose
    public void close() {
        if (slotAddress != null) {
            guard.socketClosed(slotAddress);
            slotAddress = null;
        }
        if (session != null) {
            guard.connectionClosed(session.getId());
        }
        if (session != null && engines.isOpen()) {
            engines.engine().liveQueries().closeConnection(session.getId());
        }
        if (authTimeout != null) {
            authTimeout.cancel(false);
        }
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        if (outbound != null) {
            outbound.close();
        }
    }

    private void authenticate(String token, String compression) {
        try {
            authenticated = engines.engine().auth().authenticateUntilExpiry(token);
        } catch (KalamException e) {
            refuse(e.getMessage());
            return;
        }
        if (authTimeout != null) {
            authTimeout.cancel(false);
        }
        boolean gzip = "gzip".equals(compression);
        outbound.compress(gzip);
        outbound.offer(ProtocolMessages.authSuccess(authenticated.user(), gzip ? "gzip" : "none"));
    }

    /**
     * The periodic check of an open connection: closed with {@code auth_error} and 1008 once its token has expired
     * or was revoked or its user was dropped (a memory-only check by the engine), and with 1001 when idle.
     */
    private void check(long idleNanos) {
        AuthService.Authenticated held = authenticated;
        if (held != null && engines.isOpen()) {
            try {
                engines.engine().auth().recheck(held);
            } catch (KalamException e) {
                refuse(e.getMessage());
                return;
            }
        }
        if (System.nanoTime() - Math.max(lastReceivedNanos, outbound.lastSentNanos()) >= idleNanos) {
            outbound.failWith(null, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "idle timeout"));
        }
    }

    /** Sends {@code auth_error} and closes the connection. */
    private void refuse(String reason) {
        outbound.failWith(ProtocolMessages.authError(reason),
                new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication failed"));
    }
}
