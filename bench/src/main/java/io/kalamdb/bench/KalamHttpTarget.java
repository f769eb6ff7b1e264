package io.kalamdb.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A KalamDB server under test, reached over its HTTP API (DESIGN.md §5) by one JDK {@link HttpClient} on
 * HTTP/1.1 with keep-alive, so that after the first request every statement reuses the connection. Each call
 * is synchronous: one statement in flight per calling thread. Thread-safe.
 */
public final class KalamHttpTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param baseUrl the server, e.g. {@code http://127.0.0.1:8080}
     * @param token   a bearer access token, or null to send none (a localhost request then acts as root while root
     *                has no password)
     */
    public KalamHttpTarget(URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /**
     * Reads the server's version from {@code GET /v1/api/healthcheck}.
     *
     * @return the {@code version} field
     * @throws TargetException if the server is not healthy or cannot be reached
     */
    public String version() {
        JsonNode health = send(HttpRequest.newBuilder(baseUrl.resolve("/v1/api/healthcheck")).GET(), "healthcheck");
        return health.path("version").asText();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/v1/api/sql"))
                .header("Content-Type", "application/json");
        try {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize the parameters of " + sql, e);
        }
        return send(request, abbreviated(sql)).path("results").path(0);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TargetException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(what + " interrupted", e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new TargetException(what + " → " + response.statusCode() + ", not JSON: " + response.body(), e);
        }
        if (response.statusCode() != 200 || "error".equals(json.path("status").asText())) {
            throw new TargetException(what + " → " + response.statusCode() + ": " + response.body(), null);
        }
        return json;
    }

    private static String abbreviated(String sql) {
        return sql.length() <= 120 ? sql : sql.substring(0, 120) + "…";
    }
}
