package io.kalamdb.web.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * A connection's bounded outbound queue (DESIGN.md §6 back-pressure). {@link #offer} never blocks and never
 * touches the socket, so writers and other subscribers are never slowed by a slow client: it appends to the
 * queue and, if no drain is running, starts one on the executor. The drain sends everything pending, in
 * order, with the session's blocking sender (no thread hand-off between messages, which matters when one
 * change fans out to many subscriptions of a connection), then ends. At most one drain runs per connection.
 * When the queue is full, {@code offer} returns false and the caller applies the overflow policy
 * ({@link #failWith}). Thread-safe.
 */
final class OutboundQueue {
    /** Messages at least this long (UTF-8 bytes) are gzipped when the client asked for gzip. */
    static final int GZIP_THRESHOLD_BYTES = 512;
    /** How long a last message may take to go out before the session is closed regardless. */
    static final long CLOSE_GRACE_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    private final Session session;
    private final int capacity;
    private final ScheduledExecutorService executor;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;
    private CloseReason closeAfterDrain;
    private volatile boolean gzip;
    private volatile long lastSentNanos = System.nanoTime();

    /**
     * @param session  the WebSocket session
     * @param capacity the most messages waiting to be sent
     * @param executor runs the drains and the forced close of {@link #failWith}
     */
    OutboundQueue(Session session, int capacity, ScheduledExecutorService executor) {
        this.session = session;
        this.capacity = capacity;
        this.executor = executor;
    }

    /**
     * @param text a message
     * @return false if the queue is full (the message is dropped) or closed
     */
    boolean offer(String text) {
        synchronized (this) {
            if (closed || pending.size() >= capacity) {
                return false;
            }
            pending.add(text);
            if (draining) {
                return true;
            }
            draining = true;
        }
        executor.execute(this::drain);
        return true;
    }

    /**
     * Turns gzip on or off: when on, messages of {@value #GZIP_THRESHOLD_BYTES} bytes or more go out as
     * binary frames holding the gzip-compressed JSON (RFC 1952), smaller ones stay text.
     */
    void compress(boolean on) {
        gzip = on;
    }

    /** @return {@link System#nanoTime()} when the last message went out (or the queue was created) */
    long lastSentNanos() {
        return lastSentNanos;
    }

    /**
     * Ends the connection with a last message: drops what is pending, sends {@code message} (if not null)
     * once the send in progress (if any) completes, then closes the session with {@code reason}. Later offers
     * are refused. If the client does not take the message within {@value #CLOSE_GRACE_SECONDS} s the
     * session is closed anyway.
     */
    void failWith(String message, CloseReason reason) {
        boolean start;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            if (message != null) {
                pending.add(message);
            }
            closeAfterDrain = reason;
            start = !draining;
            draining = true;
        }
        if (start) {
            executor.execute(this::drain);
        }
        executor.schedule(() -> closeSession(reason), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** Drops what is pending; later offers are refused. */
    synchronized void close() {
        closed = true;
        pending.clear();
    }

    private void drain() {
        while (true) {
            String next;
            synchronized (this) {
                next = pending.poll();
                if (next == null) {
                    draining = false;
                    break;
                }
            }
            try {
                send(next);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "WebSocket send failed; dropping the connection's queue", e);
                close();
            }
        }
        CloseReason reason;
        synchronized (this) {
            reason = closeAfterDrain;
        }
        if (reason != null) {
            closeSession(reason);
        }
    }

    private void send(String text) throws IOException {
        byte[] utf8 = gzip ? text.getBytes(StandardCharsets.UTF_8) : null;
        if (utf8 != null && utf8.length >= GZIP_THRESHOLD_BYTES) {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(gzipped(utf8)));
        } else {
            session.getBasicRemote().sendText(text);
        }
        lastSentNanos = System.nanoTime();
    }

    private void closeSession(CloseReason reason) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing a WebSocket failed; the peer is gone", e);
        }
    }

    private static byte[] gzipped(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
