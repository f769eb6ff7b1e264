package io.kalamdb.bench;

import java.net.URI;

/**
 * How the load driver talks HTTP/1.1 to the server: one keep-alive connection, one request in flight.
 * Two implementations, because the client's own cost is part of every measured latency: the JDK
 * {@code HttpClient} (what most Java applications use) and a minimal blocking socket client (the server's
 * capacity with next to no client overhead).
 */
public interface HttpTransport extends AutoCloseable {

    /** A response: status code and body text. */
    record Reply(int status, String body) {
    }

    /**
     * @param path        absolute path, e.g. {@code /v1/api/sql}
     * @param jsonBody    the request body (POST), or null for GET
     * @param bearerToken the access token, or null to send no {@code Authorization} header
     * @return the response
     * @throws TargetException if the server cannot be reached or the exchange fails
     */
    Reply exchange(String path, byte[] jsonBody, String bearerToken);

    /** Closes the connection, if the transport holds one; a later exchange opens a new one. */
    @Override
    default void close() {
    }

    /**
     * @param name    {@code jdk} or {@code raw}
     * @param baseUrl the server
     * @return the transport of that name
     * @throws IllegalArgumentException for another name
     */
    static HttpTransport named(String name, URI baseUrl) {
        return checkName(name).equals("jdk") ? new JdkHttpTransport(baseUrl) : new SocketHttpTransport(baseUrl);
    }

    /**
     * @param name a transport name
     * @return {@code name}, if {@link #named} accepts it
     * @throws IllegalArgumentException for another name
     */
    static String checkName(String name) {
        return switch (name) {
            case "jdk", "raw" -> name;
            default -> throw new IllegalArgumentException("Unknown client " + name + ": use jdk or raw");
        };
    }
}
