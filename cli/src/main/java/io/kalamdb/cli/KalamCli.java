package io.kalamdb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kalam}, the KalamDB command-line client: runs the statements of {@code -c}, of {@code -f} files, or of
 * standard input, one after the other, printing each result ({@code --format table|json|csv}); stops at the first
 * failing statement. Without {@code -c} or {@code -f} on a terminal it starts the interactive {@link Repl}.
 * Connection settings come from options, else {@code KALAM_*} environment variables, else the {@link Profiles}
 * profile. Exit codes: 0 every statement succeeded, 1 a statement failed (its error is printed as
 * {@code ERROR (CODE): message}), 2 bad options, an unreadable file, or a server that cannot be reached or refuses
 * the login.
 */
@Command(name = "kalam", mixinStandardHelpOptions = true, version = "kalam 0.1.0",
        description = "The KalamDB command-line client.", sortOptions = false)
public final class KalamCli implements Callable<Integer> {
    /** Exit code of a failed statement. */
    public static final int STATEMENT_FAILED = 1;
    /**
     * Exit code of bad options, an unreadable file, or a failed connection or login: picocli's own code for bad
     * options (2), so that every "could not start" case shares it.
     */
    public static final int CANNOT_RUN = CommandLine.ExitCode.USAGE;

    @Spec
    CommandSpec spec;

    /** The server when neither an option, the environment nor the profile names one. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Option(names = {"-u", "--url"}, description = "server URL (env KALAM_URL; else the profile's; else " + DEFAULT_URL
            + ")", defaultValue = "${env:KALAM_URL}")
    URI url;

    @Option(names = "--profile", description = "connection profile of config.toml (default: default)",
            defaultValue = Profiles.DEFAULT)
    String profile;

    @Option(names = "--home", description = "directory of config.toml and history (env KALAM_HOME; default ~/.kalam)")
    Path home;

    @Option(names = "--user", description = "log in as this user (env KALAM_USER)", defaultValue = "${env:KALAM_USER}")
    String user;

    @Option(names = "--password", description = "the user's password (env KALAM_PASSWORD)",
            defaultValue = "${env:KALAM_PASSWORD}")
    String password;

    @Option(names = "--token", description = "an access token instead of a login (env KALAM_TOKEN)",
            defaultValue = "${env:KALAM_TOKEN}")
    String token;

    @Option(names = {"-n", "--namespace"}, description = "default namespace of unqualified table names")
    String namespace;

    @Option(names = {"-c", "--command"}, description = "run these statements and exit")
    List<String> commands = new ArrayList<>();

    @Option(names = {"-f", "--file"}, description = "run the statements of this file and exit")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", description = "table (default), json or csv", defaultValue = "table")
    OutputFormat format;

    /**
     * Runs the client and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the command line, with case-insensitive {@code --format} values */
    public static CommandLine commandLine() {
        return new CommandLine(new KalamCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profiles profiles = home != null ? new Profiles(home) : Profiles.ofUserHome();
        List<String> scripts = new ArrayList<>(commands);
        boolean interactive = scripts.isEmpty() && files.isEmpty() && System.console() != null;
        Profiles.Profile settings;
        try {
            settings = profiles.load(profile);
            for (Path file : files) {
                scripts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (scripts.isEmpty() && !interactive) {
                scripts.add(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            err.println("kalam: " + e.getMessage());
            return CANNOT_RUN;
        }
        try {
            KalamConnection connection = KalamConnection.open(
                    url != null ? url : URI.create(settings.url() != null ? settings.url() : DEFAULT_URL),
                    token != null ? token : settings.token(), user != null ? user : settings.user(),
                    password != null ? password : settings.password());
            connection.useNamespace(namespace);
            if (interactive) {
                try (Terminal terminal = TerminalBuilder.builder().name("kalam").build()) {
                    new Repl(connection, terminal, profiles.history(), format).run();
                }
                return 0;
            }
            ScriptRunner runner = new ScriptRunner(connection::execute, new ResultPrinter(out, format));
            for (String script : scripts) {
                runner.run(script);
            }
            return 0;
        } catch (IOException e) {
            err.println("kalam: " + e.getMessage());
            return CANNOT_RUN;
        } catch (KalamError e) {
            err.println(e.display());
            return e.unreachable() || "AUTH_REQUIRED".equals(e.code()) ? CANNOT_RUN : STATEMENT_FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
