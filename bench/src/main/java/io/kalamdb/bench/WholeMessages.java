package io.kalamdb.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * A {@link WebSocket.Listener} that joins text frames into whole messages and hands each to a
 * {@link Handler} with the time its last frame arrived ({@link System#nanoTime()}), one at a time.
 */
public final class WholeMessages implements WebSocket.Listener {
    /** Receives whole text messages. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param receivedNanos {@link System#nanoTime()} when the message's last frame arrived
         * @param text          the message
         */
        void onMessage(long receivedNanos, String text);
    }

    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();

    /** @param handler receives every whole text message */
    public WholeMessages(Handler handler) {
        this.handler = handler;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handler.onMessage(now, text);
        }
        webSocket.request(1);
        return null;
    }
}
