package io.kalamdb.core.live;

import io.kalamdb.core.model.KalamException;

/** A refused live-query request, carrying the WebSocket protocol code to send (DESIGN.md §6). */
public final class LiveQueryException extends KalamException {
    private static final long serialVersionUID = 1L;

    private final LiveErrorCode liveCode;

    /**
     * @param liveCode the protocol error code
     * @param message  client-facing message
     */
    public LiveQueryException(LiveErrorCode liveCode, String message) {
        super(liveCode.errorCode(), message);
        this.liveCode = liveCode;
    }

    /** @return the protocol error code */
    public LiveErrorCode liveCode() {
        return liveCode;
    }
}
