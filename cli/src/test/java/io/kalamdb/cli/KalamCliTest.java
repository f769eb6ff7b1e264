package io.kalamdb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options and the failures that need no server. */
class KalamCliTest {
    @Test
    void optionsAreParsedWithDefaultsAndCaseInsensitiveFormats() {
        CommandLine cli = KalamCli.commandLine();
        cli.parseArgs("-u", "http://db.example:9090", "--user", "alice", "--password", "pw", "-n", "app",
                "-c", "SELECT 1", "-c", "SELECT 2", "--format", "CSV");
        KalamCli parsed = cli.getCommand();

        assertEquals(URI.create("http://db.example:9090"), parsed.url);
        assertEquals("alice", parsed.user);
        assertEquals("app", parsed.namespace);
        assertEquals(List.of("SELECT 1", "SELECT 2"), parsed.commands);
        assertEquals(OutputFormat.CSV, parsed.format);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = KalamCli.commandLine();
        cli.setErr(new PrintWriter(err));

        assertEquals(KalamCli.CANNOT_RUN, cli.execute("--format", "xml", "-c", "SELECT 1"));
        assertTrue(err.toString().contains("xml"), err.toString());
    }

    @Test
    void aServerThatIsDownIsAClearMessageAndExitCode2() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CommandLine cli = KalamCli.commandLine();
        cli.setErr(new PrintWriter(err));

        assertEquals(KalamCli.CANNOT_RUN, cli.execute("-u", "http://127.0.0.1:" + port, "-c", "SELECT 1"));
        assertTrue(err.toString().startsWith("ERROR (UNREACHABLE): Cannot reach KalamDB at http://127.0.0.1:" + port),
                err.toString());
    }
}
