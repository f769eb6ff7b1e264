package io.kalamdb.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link HttpTransport} over one JDK {@link HttpClient} on HTTP/1.1 with keep-alive. Thread-safe. */
final class JdkHttpTransport implements HttpTransport {
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    JdkHttpTransport(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Reply exchange(String path, byte[] jsonBody, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(REQUEST_TIMEOUT);
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody));
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new TargetException(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(path + " interrupted", e);
        }
    }
}
