package io.kalamdb.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens client WebSockets ({@code java.net.http}, RFC 6455) spread over one {@link HttpClient} (one selector thread)
 * per {@value #CONNECTIONS_PER_CLIENT} connections, as separate client processes would be, so that the client's own
 * receive thread does not become the bottleneck being measured. Thread-safe.
 */
public final class WebSocketClients {
    private static final int CONNECTIONS_PER_CLIENT = 4;

    private final List<HttpClient> clients = new ArrayList<>();
    private int opened;

    /**
     * Opens one more connection and waits for the upgrade.
     *
     * @param uri      {@code ws://…}
     * @param headers  headers of the upgrade request, e.g. {@code Authorization}
     * @param listener receives the connection's messages
     * @return the open WebSocket
     * @throws java.util.concurrent.CompletionException if the upgrade fails
     */
    public WebSocket connect(URI uri, Map<String, String> headers, WebSocket.Listener listener) {
        HttpClient client;
        synchronized (this) {
            if (opened++ % CONNECTIONS_PER_CLIENT == 0) {
                clients.add(HttpClient.newHttpClient());
            }
            client = clients.get(clients.size() - 1);
        }
        WebSocket.Builder builder = client.newWebSocketBuilder();
        headers.forEach(builder::header);
        return builder.buildAsync(uri, listener).join();
    }
}
