package io.kalamdb.bench.sut;

import io.kalamdb.bench.ServerMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A KalamDB server started for a benchmark run: the Liberty server that {@code mvn -pl ear -am package} builds
 * ({@code ear/target/liberty/wlp}, server {@code kalamdb}), launched with {@code bin/server start} and its
 * logs, work area and data in a directory of the run ({@code WLP_OUTPUT_DIR}, {@code KALAMDB_DATA_DIR}), on a
 * free port, so it never touches {@code ./data} or a development server. Settings are passed as environment
 * variables ({@code KALAMDB_*}, read through MicroProfile Config).
 */
public final class KalamServerProcess implements AutoCloseable {
    private static final String SERVER = "kalamdb";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path wlp;
    private final Map<String, String> env;
    private final URI url;
    private final Path outputDir;

    private KalamServerProcess(Path wlp, Map<String, String> env, URI url, Path outputDir) {
        this.wlp = wlp;
        this.env = env;
        this.url = url;
        this.outputDir = outputDir;
    }

    /**
     * Starts the server and waits until {@code /v1/api/healthcheck} answers 200.
     *
     * @param wlp      the Liberty installation holding server {@code kalamdb}
     * @param workDir  an empty directory for the server's output and data
     * @param settings extra {@code KALAMDB_*} environment variables, e.g. {@code KALAMDB_DURABILITY=strict}
     * @return the running server
     * @throws IOException if the server cannot be started or is not healthy within 4 minutes
     */
    public static KalamServerProcess start(Path wlp, Path workDir, Map<String, String> settings)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(wlp.resolve("usr/servers/" + SERVER))) {
            throw new IOException("No Liberty server at " + wlp + "/usr/servers/" + SERVER
                    + ": build it with mvn -pl ear -am -DskipTests package");
        }
        int port = freePort();
        Path outputDir = workDir.resolve("wlp-output");
        Map<String, String> env = new HashMap<>(settings);
        env.put("WLP_OUTPUT_DIR", outputDir.toString());
        env.put("KALAMDB_HTTP_PORT", Integer.toString(port));
        env.put("KALAMDB_DATA_DIR", workDir.resolve("kalamdb-data").toString());
        KalamServerProcess server = new KalamServerProcess(wlp, Map.copyOf(env), URI.create("http://127.0.0.1:" + port),
                outputDir);
        server.run("start");
        server.awaitHealthy();
        return server;
    }

    /** @return the server's base URL, e.g. {@code http://127.0.0.1:41234} */
    public URI url() {
        return url;
    }

    /**
     * @return the server JVM's memory ({@code WLP_OUTPUT_DIR/.pid/kalamdb.pid} names the process)
     * @throws IOException if the process id cannot be read
     */
    public ServerMemory memory() throws IOException {
        return new ServerMemory(Long.parseLong(Files.readString(outputDir.resolve(".pid/" + SERVER + ".pid")).strip()));
    }

    /** Stops the server ({@code bin/server stop}). */
    @Override
    public void close() throws IOException, InterruptedException {
        run("stop");
    }

    private void run(String action) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), action, SERVER))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("Liberty 'server " + action + " " + SERVER + "' failed (exit "
                    + (p.isAlive() ? "timeout" : p.exitValue()) + "); see " + outputDir.resolve(SERVER + "/logs"));
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/v1/api/healthcheck"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(250);
        }
        throw new IOException("KalamDB at " + url + " was not healthy within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** @return a loopback port free now, for a server the run starts */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
