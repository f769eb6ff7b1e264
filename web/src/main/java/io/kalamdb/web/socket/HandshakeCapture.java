package io.kalamdb.web.socket;

import io.kalamdb.web.net.ClientAddressFilter;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code /v1/ws} handshake: refuses a browser whose {@code Origin} is outside the configured allow-list
 * ({@code kalamdb.ws.allowed.origins}, comma-separated; empty allows every origin) — clients that send no
 * {@code Origin} are not browsers, so cross-site hijacking does not apply to them — and hands the upgrade's
 * {@code Authorization} header and the client address ({@link ClientAddressFilter}) to the connection. Per
 * Jakarta WebSocket 2.1 the user properties seen here are a per-connection copy that becomes the session's, so
 * concurrent handshakes never see each other's.
 */
public class HandshakeCapture extends ServerEndpointConfig.Configurator {
    /** Session user property holding the upgrade request's {@code Authorization} header, if any. */
    static final String AUTHORIZATION = "kalamdb.authorization";
    /** Session user property holding the client address of the upgrade request. */
    static final String CLIENT_ADDRESS = "kalamdb.client.address";

    private final Set<String> allowedOrigins = Arrays.stream(ConfigProvider.getConfig()
                    .getOptionalValue("kalamdb.ws.allowed.origins", String.class).orElse("").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());

    @Override
    public boolean checkOrigin(String origin) {
        return allowedOrigins.isEmpty() || origin == null || allowedOrigins.contains(origin);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        List<String> authorization = request.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization")).flatMap(e -> e.getValue().stream()).toList();
        if (!authorization.isEmpty()) {
            config.getUserProperties().put(AUTHORIZATION, authorization.get(0));
        }
        String address = ClientAddressFilter.current();
        if (address != null) {
            config.getUserProperties().put(CLIENT_ADDRESS, address);
        }
    }
}
