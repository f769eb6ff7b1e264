package io.kalamdb.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for integration tests against the KalamDB server under test. The base URL comes from
 * the system property {@code kalamdb.it.url} (set by failsafe), default {@code http://127.0.0.1:18080}.
 * Thread-safe; one instance per test class is enough.
 */
public final class KalamClient {
    /** The default base URL: the integration-test server of the {@code it} module. */
    public static final String DEFAULT_URL = "http://127.0.0.1:18080";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final HttpClient http;

    /** A client for {@code kalamdb.it.url} (default {@value #DEFAULT_URL}). */
    public KalamClient() {
        this(URI.create(System.getProperty("kalamdb.it.url", DEFAULT_URL)));
    }

    /** A client for the server at {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}. */
    public KalamClient(URI baseUrl) {
        this(baseUrl, HttpClient.Version.HTTP_2);
    }

    /**
     * A client for the server at {@code baseUrl} speaking {@code version}: {@code HTTP_2} (the JDK's default, which
     * offers an h2c upgrade) or {@code HTTP_1_1}, one request per connection at a time, for tests that send many
     * requests at once.
     */
    public KalamClient(URI baseUrl, HttpClient.Version version) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The base URL requests are sent to. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The Jackson mapper the client parses responses with, for building request bodies and expected values. */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Sends {@code GET path}.
     *
     * @param path    absolute path on the server, e.g. {@code /v1/api/healthcheck}
     * @param headers header names and values, alternating, e.g. {@code "Authorization", "Bearer …"}
     * @return status and body
     * @throws UncheckedIOException when the server cannot be reached
     */
    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /**
     * Sends {@code POST path} with a JSON body ({@code Content-Type: application/json}).
     *
     * @param path    absolute path on the server, e.g. {@code /v1/api/sql}
     * @param body    JSON text, sent as is (so tests can send malformed JSON), or any other object, which is
     *                serialized with Jackson (a {@code Map}, a {@code JsonNode}, a record …)
     * @param headers header names and values, alternating, e.g. {@code "Authorization", "Bearer …"}
     * @return status and body
     * @throws UncheckedIOException when the server cannot be reached
     */
    public Response postJson(String path, Object body, String... headers) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize request body " + body, e);
        }
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must be name/value pairs");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(REQUEST_TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A response.
     *
     * @param status  the HTTP status code
     * @param text    the body as received
     * @param json    the body parsed as JSON, or {@code null} if it is empty or not JSON
     * @param headers the response headers, e.g. {@code headers().allValues("Set-Cookie")}
     */
    public record Response(int status, String text, JsonNode json, HttpHeaders headers) {
        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
