package io.kalamdb.web.socket;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A connection's bounded outbound queue with asynchronous sends (DESIGN.md §6): {@link #offer} never
 * blocks — writers and other subscribers are never slowed by a slow socket — and at most one send is in
 * flight; each completion starts the next. When the queue is full, {@code offer} returns false and the
 * caller applies the overflow policy. Thread-safe.
 */
final class OutboundQueue {
    private final Session session;
    private final int capacity;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

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
            } catch (java.io.IOException e) {
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
        session.getAsyncRemote().sendText(text, this::sent);
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
