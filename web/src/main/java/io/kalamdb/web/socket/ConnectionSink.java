package io.kalamdb.web.socket;

import io.kalamdb.core.live.LiveEvent;
import io.kalamdb.core.live.LiveSink;
import jakarta.websocket.CloseReason;

/**
 * A connection's {@link LiveSink}: encodes each event and puts it on the connection's bounded
 * {@link OutboundQueue}, never blocking the writer thread that produced it. When the queue is full the
 * subscriber has fallen behind: it gets an error telling it where to resume and the connection is closed
 * (DESIGN.md §6 back-pressure), so a slow client never slows writers or other subscribers.
 */
final class ConnectionSink implements LiveSink {
    private final OutboundQueue queue;

    ConnectionSink(OutboundQueue queue) {
        this.queue = queue;
    }

    @Override
    public boolean offer(LiveEvent event) {
        return queue.offer(LiveEventMessages.encode(event));
    }

    @Override
    public void overflow(String subscriptionId, long lastDeliveredSeq) {
        queue.failWith(ProtocolMessages.error(subscriptionId, "RATE_LIMIT_EXCEEDED",
                "The client fell behind: subscribe again with options.from = \"" + lastDeliveredSeq + "\""),
                new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "outbound queue overflow"));
    }
}
