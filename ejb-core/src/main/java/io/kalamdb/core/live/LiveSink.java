package io.kalamdb.core.live;

/**
 * Where a connection's live events go; implemented by the web layer over a bounded outbound queue. Calls
 * come from writer threads and must never block.
 */
public interface LiveSink {
    /**
     * Queues one event for sending.
     *
     * @return false if the connection's queue is full: the subscription is then failed, gets nothing more,
     *         and {@link #overflow} is called
     */
    boolean offer(LiveEvent event);

    /**
     * The subscription fell behind the queue bound and has ended; the client should resubscribe with
     * {@code from = lastDeliveredSeq}.
     *
     * @param subscriptionId   the client's subscription id
     * @param lastDeliveredSeq the {@code _seq} of the last change (or snapshot mark) queued, 0 if none
     */
    void overflow(String subscriptionId, long lastDeliveredSeq);
}
