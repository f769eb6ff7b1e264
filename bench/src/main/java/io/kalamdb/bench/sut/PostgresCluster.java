package io.kalamdb.bench.sut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster for the peer side of a benchmark run: {@code initdb} into a directory of the run,
 * {@code pg_ctl start} on a free loopback port with logical decoding on ({@code wal_level=logical}, for the
 * wal2json relay) and {@code wal_writer_delay=10ms} (logical decoding only reads flushed WAL, so with
 * {@code synchronous_commit=off} the relay would otherwise wait up to the default 200 ms for the WAL writer),
 * {@code pg_ctl stop} at the end — no system service is touched. PostgreSQL refuses to run as
 * root, so when the harness is root the server commands run as the {@value #OS_USER} account through
 * {@code runuser}. The superuser {@value #SUPERUSER} (trust authentication on loopback) owns the schema and
 * reads the replication stream; workloads connect as the unprivileged {@value #APP_ROLE}, to which row-level
 * security applies.
 */
public final class PostgresCluster implements AutoCloseable {
    /** The cluster's superuser. */
    public static final String SUPERUSER = "bench";
    /** The role workloads connect as (not a superuser, so row-level security applies to it). */
    public static final String APP_ROLE = "app";
    /** The database workloads use. */
    public static final String DATABASE = "postgres";
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Creates and starts a cluster.
     *
     * @param bin               PostgreSQL's {@code bin} directory, e.g. {@code /usr/lib/postgresql/15/bin}
     * @param workDir           an empty directory of the run; the cluster lives in {@code workDir/pgdata}
     * @param synchronousCommit {@code synchronous_commit}: on (each commit waits for its WAL flush, as KalamDB's
     *                          {@code strict}) or off (as {@code relaxed})
     * @return the running cluster, with role {@value #APP_ROLE} created
     * @throws IOException if a PostgreSQL command fails
     */
    public static PostgresCluster start(Path bin, Path workDir, boolean synchronousCommit)
            throws IOException, InterruptedException, SQLException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = workDir.resolve("pg");
        Files.createDirectories(dir);
        if (root) {
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            exec(List.of("chown", "-R", OS_USER, dir.toString()));
        }
        int port = KalamServerProcess.freePort();
        PostgresCluster cluster = new PostgresCluster(bin, dir.resolve("pgdata"), port, root);
        cluster.pg(List.of("initdb", "-D", cluster.dataDir.toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
                "--no-instructions"));
        String options = String.join(" ", "-p", Integer.toString(port), "-k", dir.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "wal_level=logical", "-c", "max_wal_senders=8",
                "-c", "max_replication_slots=8", "-c", "max_connections=200", "-c", "shared_buffers=256MB",
                "-c", "synchronous_commit=" + (synchronousCommit ? "on" : "off"), "-c", "fsync=on",
                "-c", "wal_writer_delay=10ms");
        cluster.pg(List.of("pg_ctl", "-D", cluster.dataDir.toString(), "-o", options, "-l",
                dir.resolve("postgresql.log").toString(), "-w", "-t", "120", "start"));
        try (Connection c = cluster.connect(SUPERUSER)) {
            c.createStatement().execute("CREATE ROLE " + APP_ROLE + " LOGIN");
        }
        return cluster;
    }

    /**
     * @param role {@value #SUPERUSER} or {@value #APP_ROLE}
     * @return a new connection to {@value #DATABASE} as that role
     * @throws SQLException if the server refuses it
     */
    public Connection connect(String role) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** @return the JDBC URL of {@value #DATABASE} */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** @return the server's {@code version()} */
    public String version() throws SQLException {
        try (Connection c = connect(SUPERUSER); var rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    /** @return whether the wal2json output plugin is installed in this PostgreSQL ({@code wal2json.so}) */
    public boolean hasWal2Json() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bin.resolve("pg_config").toString(), "--pkglibdir").start();
        String libDir = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        if (libDir.isEmpty()) {
            libDir = bin.getParent().resolve("lib").toString();
        }
        return Files.exists(Path.of(libDir, "wal2json.so"));
    }

    /** Stops the cluster ({@code pg_ctl stop -m fast}); its directory stays for the run's records. */
    @Override
    public void close() throws IOException, InterruptedException {
        pg(List.of("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        exec(full);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
