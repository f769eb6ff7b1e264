package io.kalamdb.web.socket;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.GZIPOutputStream;

/**
 * A connection's bounded outbound queue with asynchronous sends (DESIGN.md §6): {@link #offer} never
 * blocks — writers and other subscribers are never slowed by a slow socket — and at most one send is in
 * flight; each completion starts the next. When the queue is full, {@code offer} returns false and the
 * caller applies the overflow policy. Thread-safe.
 */
final class OutboundQueue {
    /** Messages at least this long (UTF-8 bytes) are gzipped when the client asked for gzip. */
    static final int GZIP_THRESHOLD_BYTES = 512;

    private final Session session;
    private final int capacity;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private volatile boolean gzip;

    /**
     * @param session  the WebSocket session
     * @param capacity the most messages waiting to be sent
     */
    OutboundQueue(Session session, int capacity) {
        this.session = session;
        this.capacity = capacity;
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
            if (sending) {
                pending.add(text);
                return true;
            }
            sending = true;
        }
        send(text);
        return true;
    }

    /**
     * Turns gzip on or off: when on, messages of {@value #GZIP_THRESHOLD_BYTES} bytes or more go out as
     * binary frames holding the gzip-compressed JSON (RFC 1952), smaller ones stay text.
     */
    void compress(boolean on) {
        gzip = on;
    }

    /** @return the number of messages waiting */
    synchronized int size() {
        return pending.size();
    }

    /**
     * Ends the connection with a last message: drops what is pending, sends {@code message}, then closes the
     * session with {@code reason}. Later offers are refused.
     */
    void failWith(String message, jakarta.websocket.CloseReason reason) {
        synchronized (this) {
            pending.clear();
            closed = true;
        }
        session.getAsyncRemote().sendText(message, result -> {
            try {
                session.close(reason);
            } catch (IOException e) {
                // the peer is gone already
            }
        });
    }

    /** Drops what is pending; later offers are refused. */
    synchronized void close() {
        closed = true;
        pending.clear();
    }

    private void send(String text) {
        byte[] utf8 = gzip ? text.getBytes(StandardCharsets.UTF_8) : null;
        if (utf8 != null && utf8.length >= GZIP_THRESHOLD_BYTES) {
            session.getAsyncRemote().sendBinary(ByteBuffer.wrap(gzipped(utf8)), this::sent);
        } else {
            session.getAsyncRemote().sendText(text, this::sent);
        }
    }

    private static byte[] gzipped(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void sent(SendResult result) {
        String next;
        synchronized (this) {
            if (!result.isOK() || closed) {
                closed = true;
                pending.clear();
                sending = false;
                return;
            }
            next = pending.poll();
            sending = next != null;
        }
        if (next != null) {
            send(next);
        }
    }
}
