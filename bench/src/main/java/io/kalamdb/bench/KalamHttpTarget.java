package io.kalamdb.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A KalamDB server under test, reached over its HTTP API (DESIGN.md §5) through an {@link HttpTransport}
 * (one keep-alive connection). Each call is synchronous: one statement in flight.
 */
public final class KalamHttpTarget {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http;
    private final String token;

    /**
     * @param http  how to reach the server
     * @param token a bearer access token, or null to send none (a localhost request then acts as root while root
     *              has no password)
     */
    public KalamHttpTarget(HttpTransport http, String token) {
        this.http = http;
        this.token = token;
    }

    /**
     * Reads the server's version from {@code GET /v1/api/healthcheck}.
     *
     * @return the {@code version} field
     * @throws TargetException if the server is not healthy or cannot be reached
     */
    public String version() {
        return send("/v1/api/healthcheck", null, "healthcheck").path("version").asText();
    }

    /**
     * Runs one statement with {@code $1..$n} parameters, or several separated by {@code ;} without.
     *
     * @param sql    the statement(s)
     * @param params the values of {@code $1..$n} in order; empty for none
     * @return the first statement's result: {@code schema}, {@code rows}, {@code row_count}, {@code message}
     * @throws TargetException if the server answers with anything but success
     */
    public JsonNode execute(String sql, List<?> params) {
        ObjectNode body = JSON.createObjectNode().put("sql", sql);
        if (!params.isEmpty()) {
            body.set("params", JSON.valueToTree(params));
        }
        try {
            return send("/v1/api/sql", JSON.writeValueAsBytes(body), abbreviated(sql)).path("results").path(0);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize the parameters of " + sql, e);
        }
    }

    private JsonNode send(String path, byte[] body, String what) {
        HttpTransport.Reply reply = http.exchange(path, body, token);
        JsonNode json;
        try {
            json = JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new TargetException(what + " → " + reply.status() + ", not JSON: " + reply.body(), e);
        }
        if (reply.status() != 200 || "error".equals(json.path("status").asText())) {
            throw new TargetException(what + " → " + reply.status() + ": " + reply.body(), null);
        }
        return json;
    }

    private static String abbreviated(String sql) {
        return sql.length() <= 120 ? sql : sql.substring(0, 120) + "…";
    }
}
