package io.kalamdb.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client (RFC 9112) over one blocking keep-alive socket with TCP_NODELAY: writes the
 * request, reads the status line, headers and a {@code Content-Length} or chunked body. Just enough for
 * the KalamDB API; used to measure the server with next to no client overhead. Not thread-safe: one per
 * thread.
 */
final class SocketHttpTransport implements HttpTransport {
    private final URI baseUrl;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    SocketHttpTransport(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Reply exchange(String path, byte[] jsonBody, String bearerToken) {
        try {
            connect();
            StringBuilder head = new StringBuilder(jsonBody == null ? "GET " : "POST ").append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(baseUrl.getHost()).append("\r\n");
            if (bearerToken != null) {
                head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
            }
            if (jsonBody != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(jsonBody.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (jsonBody != null) {
                out.write(jsonBody);
            }
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw new TargetException(path + " failed: " + e, e);
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket(baseUrl.getHost(), baseUrl.getPort() < 0 ? 80 : baseUrl.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }
    }

    private Reply read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length >= 0) {
            body.write(in.readNBytes(length));
        }
        if (close) {
            close();
        }
        return new Reply(code, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // already broken; the next exchange reconnects
        }
        socket = null;
    }
}
