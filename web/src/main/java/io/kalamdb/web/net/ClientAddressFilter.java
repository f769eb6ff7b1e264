package io.kalamdb.web.net;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the client address of a WebSocket upgrade to the handshake: Jakarta WebSocket's {@code HandshakeRequest}
 * has no peer address, but the container runs the handshake (and so
 * {@link io.kalamdb.web.socket.HandshakeCapture}) on the thread of this filter chain, where {@link #current()}
 * returns the address resolved by {@link ClientAddress}.
 */
@WebFilter(urlPatterns = "/v1/ws", asyncSupported = true)
public class ClientAddressFilter extends HttpFilter {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Inject
    ClientAddress clientAddress;

    /** @return the client address of the upgrade request this thread is handling, or null outside one */
    public static String current() {
        return CURRENT.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CURRENT.set(clientAddress.of(request));
        try {
            chain.doFilter((ServletRequest) request, (ServletResponse) response);
        } finally {
            CURRENT.remove();
        }
    }
}
