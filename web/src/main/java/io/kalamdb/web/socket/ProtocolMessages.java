package io.kalamdb.web.socket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalamdb.core.auth.UserRecord;
import io.kalamdb.web.rest.JsonBodies;

/** Server → client messages of the WebSocket protocol (DESIGN.md §6) that are not about a subscription's data. */
final class ProtocolMessages {
    private ProtocolMessages() {
    }

    /** {@code {"type":"auth_success","user":…,"role":…,"protocol":{"serialization":"json","compression":…}}} */
    static String authSuccess(UserRecord user, String compression) {
        ObjectNode m = JsonBodies.MAPPER.createObjectNode().put("type", "auth_success").put("user", user.id().value())
                .put("role", user.role().wireName());
        m.putObject("protocol").put("serialization", "json").put("compression", compression);
        return m.toString();
    }

    /** {@code {"type":"auth_error","message":…}} */
    static String authError(String message) {
        return JsonBodies.MAPPER.createObjectNode().put("type", "auth_error").put("message", message).toString();
    }

    /** {@code {"type":"error","subscription_id":…,"code":…,"message":…}}; subscriptionId may be null */
    static String error(String subscriptionId, String code, String message) {
        ObjectNode m = JsonBodies.MAPPER.createObjectNode().put("type", "error");
        if (subscriptionId != null) {
            m.put("subscription_id", subscriptionId);
        }
        return m.put("code", code).put("message", message).toString();
    }

    /** {@code {"type":"pong"}} */
    static String pong() {
        return "{\"type\":\"pong\"}";
    }
}
