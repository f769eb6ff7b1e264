package io.kalamdb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The CLI's connection to a server: the public HTTP API only (DESIGN.md §5) — {@code POST /v1/api/auth/login} for
 * a token, {@code POST /v1/api/sql} with {@code Authorization: Bearer} for statements. Without a token, requests
 * carry no {@code Authorization} header (a server on this host then acts as root while root has no password).
 */
public final class KalamConnection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient http;
    private final String token;
    private volatile String namespace;

    private KalamConnection(URI url, HttpClient http, String token) {
        this.url = url;
        this.http = http;
        this.token = token;
    }

    /**
     * Connects with a token, with a password (logging in now), or with neither.
     *
     * @param url      the server, e.g. {@code http://127.0.0.1:8080}
     * @param token    an access token, or null
     * @param user     a user name to log in as when there is no token, or null
     * @param password the user's password
     * @return the connection
     * @throws KalamError UNREACHABLE if the server cannot be reached, AUTH_REQUIRED if the login is refused
     */
    public static KalamConnection open(URI url, String token, String user, String password) throws KalamError {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .build();
        KalamConnection unauthenticated = new KalamConnection(url, http, null);
        if (token == null && user != null) {
            ObjectNode body = JSON.createObjectNode().put("user", user).put("password", password == null ? "" : password);
            token = unauthenticated.send("/v1/api/auth/login", body, null).path("access_token").asText();
        }
        return new KalamConnection(url, http, token);
    }

    /** @return the server's URL */
    public URI url() {
        return url;
    }

    /** @param namespace the default namespace of unqualified table names ({@code namespace_id}), or null */
    public void useNamespace(String namespace) {
        this.namespace = namespace;
    }

    /**
     * Runs statements (several may be separated by {@code ;}).
     *
     * @param sql the statement(s)
     * @return one result per statement
     * @throws KalamError the server's error code and message, or UNREACHABLE
     */
    public List<QueryResult> execute(String sql) throws KalamError {
        return execute(sql, List.of());
    }

    /**
     * Runs one statement with {@code $1..$n} parameters.
     *
     * @param sql    the statement
     * @param params the parameters' values (strings, numbers, booleans or null; the server coerces them to the
     *               columns' types)
     * @return its result
     * @throws KalamError the server's error code and message, or UNREACHABLE
     */
    public List<QueryResult> execute(String sql, List<?> params) throws KalamError {
        ObjectNode body = JSON.createObjectNode().put("sql", sql);
        if (!params.isEmpty()) {
            body.set("params", JSON.valueToTree(params));
        }
        if (namespace != null) {
            body.put("namespace_id", namespace);
        }
        List<QueryResult> out = new ArrayList<>();
        for (JsonNode r : send("/v1/api/sql", body, token).path("results")) {
            out.add(QueryResult.of(r));
        }
        return out;
    }

    /**
     * @return {@code GET /v1/api/healthcheck}: {@code {"status","version","api_version"}}
     * @throws KalamError UNREACHABLE if the server does not answer
     */
    public JsonNode health() throws KalamError {
        return send("/v1/api/healthcheck", null, null);
    }

    /**
     * Opens a WebSocket to {@code /v1/ws} (DESIGN.md §6), authenticated by the upgrade's bearer token.
     *
     * @param listener receives the connection's messages
     * @return the open connection
     * @throws KalamError AUTH_REQUIRED without a token (live queries need one), UNREACHABLE if the upgrade fails
     */
    public WebSocket liveSocket(WebSocket.Listener listener) throws KalamError {
        if (token == null) {
            throw new KalamError("AUTH_REQUIRED", "Live queries need a login: start kalam with --user or --token");
        }
        try {
            return http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(url.toString().replaceFirst("^http", "ws")).resolve("/v1/ws"), listener)
                    .join();
        } catch (CompletionException e) {
            throw new KalamError(KalamError.UNREACHABLE, "Cannot open " + url + "/v1/ws: " + e.getCause());
        }
    }

    /** @return the current default namespace, or null */
    public String namespace() {
        return namespace;
    }

    /**
     * @param path   the API path, e.g. {@code /v1/api/sql}
     * @param body   a JSON body to POST, or null to GET
     * @param bearer the token to send, or null for none
     * @return the answer's JSON
     * @throws KalamError the server's error code and message, or UNREACHABLE
     */
    private JsonNode send(String path, ObjectNode body, String bearer) throws KalamError {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KalamError(KalamError.UNREACHABLE, "Cannot reach KalamDB at " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalamError(KalamError.UNREACHABLE, "Interrupted");
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new KalamError(KalamError.UNREACHABLE, url + path + " answered " + response.statusCode()
                    + " with something that is not the KalamDB API");
        }
        JsonNode error = json.path("error");
        if (response.statusCode() != 200 || error.isObject()) {
            throw new KalamError(error.path("code").asText("HTTP_" + response.statusCode()),
                    error.path("message").asText(response.body()));
        }
        return json;
    }
}
