package io.kalamdb.examples.changelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The two KalamDB HTTP API calls the importer needs (DESIGN.md §5): {@code POST /v1/api/sql} and
 * {@code POST /v1/api/auth/login}. One keep-alive JDK {@link HttpClient} (HTTP/1.1) for all threads.
 * A request refused with 429 (the server's per-user and per-address rate limits; nothing ran) is sent again after
 * a second, up to {@value #RETRIES_AFTER_429} times. Thread-safe.
 */
public final class KalamHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** How often a request refused with 429 is sent again, one second apart. */
    static final int RETRIES_AFTER_429 = 10;

    private final URI baseUrl;
    private final HttpClient http;

    /** @param baseUrl the server, e.g. {@code http://127.0.0.1:8080} */
    public KalamHttpClient(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Runs SQL: one statement with {@code $1..$n} parameters, or several separated by {@code ;} without.
     *
     * @param token  a bearer access token, or null to send no {@code Authorization} header (a localhost request
     *               then acts as root while root has no password)
     * @param sql    the statement(s)
     * @param params the values of {@code $1..$n} in order (strings, numbers or null); empty for none
     * @return the {@code results} array: one object per statement with {@code schema}, {@code rows},
     *         {@code row_count} and {@code message}
     * @throws KalamApiException if the server answers with an error or cannot be reached
     */
    public JsonNode sql(String token, String sql, List<?> params) {
        ObjectNode body = JSON.createObjectNode().put("sql", sql);
        if (!params.isEmpty()) {
            body.set("params", JSON.valueToTree(params));
        }
        return post("/v1/api/sql", token, body).path("results");
    }

    /**
     * Runs one query and reads its single value, e.g. {@code SELECT COUNT(*) FROM t}.
     *
     * @param token see {@link #sql}
     * @param sql   a query returning one row of one column
     * @return the value as a long (BIGINT arrives as a JSON string)
     * @throws KalamApiException if the query fails
     * @throws NumberFormatException if the value is not an integer
     */
    public long queryLong(String token, String sql) {
        return Long.parseLong(sql(token, sql, List.of()).path(0).path("rows").path(0).path(0).asText());
    }

    /**
     * Logs in.
     *
     * @param user     the user id
     * @param password the clear-text password
     * @return the access token
     * @throws KalamApiException if the credentials are refused (401) or the call fails
     */
    public String login(UserId user, String password) {
        ObjectNode body = JSON.createObjectNode().put("user", user.value()).put("password", password);
        return post("/v1/api/auth/login", null, body).path("access_token").asText();
    }

    private JsonNode post(String path, String token, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            HttpRequest built = request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; response.statusCode() == 429 && retry < RETRIES_AFTER_429; retry++) {
                Thread.sleep(1_000);
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new KalamApiException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalamApiException("POST " + path + " interrupted", e);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200 || json == null || "error".equals(json.path("status").asText())) {
            JsonNode error = json == null ? MissingNode.getInstance() : json.path("error");
            throw new KalamApiException("POST " + path + " → " + response.statusCode() + " "
                    + error.path("code").asText("(no code)") + ": " + error.path("message").asText(response.body()),
                    null);
        }
        return json;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
