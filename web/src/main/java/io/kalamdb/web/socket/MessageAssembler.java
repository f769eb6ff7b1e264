package io.kalamdb.web.socket;

/**
 * Puts a client's text message together from the parts the container delivers (a large message arrives as
 * several WebSocket frames, RFC 6455 §5.4), holding at most {@code maxBytes} of it: once a message is known to be
 * longer, the rest of its parts are dropped as they arrive, so an oversize message costs no more memory than the
 * limit. One per connection; used by the connection's message thread only.
 */
final class MessageAssembler {
    private enum State { BETWEEN_MESSAGES, KEEPING, DROPPING, DROPPING_OVERSIZE }

    private final int maxBytes;
    private StringBuilder pending;
    private State state = State.BETWEEN_MESSAGES;
    private boolean oversize;

    /** @param maxBytes the largest message kept, in UTF-8 bytes */
    MessageAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @return true if no part of the next message has arrived yet */
    boolean atMessageStart() {
        return state == State.BETWEEN_MESSAGES;
    }

    /** Drops the message that is starting, whatever its size (it was refused for the message rate). */
    void dropMessage() {
        state = State.DROPPING;
    }

    /**
     * Adds one part of the current message.
     *
     * @param part a part of a text message
     * @param last true if it ends the message
     * @return the whole message once {@code last} ends one that was kept and is within the limit, else null (more
     *         to come, dropped, or — then {@link #wasOversize()} is true — over the limit)
     */
    String append(String part, boolean last) {
        oversize = false;
        if (state == State.BETWEEN_MESSAGES) {
            state = State.KEEPING;
        }
        String whole = null;
        if (state == State.KEEPING) {
            if (pending == null && last) {
                whole = part;
            } else {
                pending = (pending == null ? new StringBuilder() : pending).append(part);
                if (pending.length() > maxBytes) {
                    state = State.DROPPING_OVERSIZE;
                    pending = null;
                } else if (last) {
                    whole = pending.toString();
                }
            }
            if (whole != null && overLimit(whole)) {
                whole = null;
                state = State.DROPPING_OVERSIZE;
            }
        }
        if (!last) {
            return null;
        }
        oversize = state == State.DROPPING_OVERSIZE;
        state = State.BETWEEN_MESSAGES;
        pending = null;
        return whole;
    }

    /** @return true if the last {@link #append} ended a message that was over the limit (and was dropped) */
    boolean wasOversize() {
        return oversize;
    }

    /**
     * Each UTF-16 unit is 1 to 3 bytes of UTF-8 (a surrogate pair 4 for two units), so the bytes are counted only
     * when the length alone cannot decide.
     */
    private boolean overLimit(String message) {
        long units = message.length();
        return units > maxBytes || 3 * units > maxBytes && utf8Length(message) > maxBytes;
    }

    private static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
