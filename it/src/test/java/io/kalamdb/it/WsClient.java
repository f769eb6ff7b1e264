package io.kalamdb.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A test client of {@code /v1/ws} on the JDK's {@link WebSocket}: sends JSON text, queues every message it
 * receives (parsed) and remembers when the server closed.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final AtomicInteger gzipFrames = new AtomicInteger();
    private final WebSocket socket;

    private WsClient(URI baseUrl, String bearerToken, String origin) {
        URI ws = URI.create(baseUrl.toString().replaceFirst("^http", "ws") + "/v1/ws");
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(ws, this).join();
    }

    /** Connects, authenticating on the upgrade when {@code bearerToken} is not null. */
    static WsClient connect(KalamClient http, String bearerToken) {
        return new WsClient(http.baseUrl(), bearerToken, null);
    }

    /**
     * Connects as a browser from {@code origin} would.
     *
     * @throws java.util.concurrent.CompletionException if the server refuses the handshake
     */
    static WsClient connectFrom(KalamClient http, String bearerToken, String origin) {
        return new WsClient(http.baseUrl(), bearerToken, origin);
    }

    /** Sends one JSON text message. */
    void send(String json) {
        socket.sendText(json, true).join();
    }

    /**
     * @return the next message, waiting up to {@code seconds}
     * @throws AssertionError if none arrives
     */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode m = received.poll(seconds, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + seconds + " s");
        }
        return m;
    }

    /** @return the next message, or null if none arrives within {@code millis} */
    JsonNode poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** @return the close status code, waiting up to {@code seconds} */
    int closeCode(int seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(KalamClient.json().readTree(partial.toString()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("server sent non-JSON text: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /** Binary frames are gzip-compressed JSON (when the client asked for gzip): inflated and queued. */
    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partialBinary.writeBytes(chunk);
        if (last) {
            gzipFrames.incrementAndGet();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(partialBinary.toByteArray()))) {
                received.add(KalamClient.json().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("server sent a binary frame that is not gzipped JSON", e);
            }
            partialBinary.reset();
        }
        webSocket.request(1);
        return null;
    }

    /** @return how many gzip binary frames arrived */
    int gzipFrames() {
        return gzipFrames.get();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
