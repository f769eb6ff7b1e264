package io.kalamdb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.cli.KalamCli;
import io.kalamdb.cli.KalamConnection;
import io.kalamdb.cli.OutputFormat;
import io.kalamdb.cli.Repl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code kalam} client against the real server: {@code -c}, {@code -f}, formats, errors and exit codes, the
 * launcher with credentials from the environment, and the examples of docs/cli.md; the REPL on a scripted terminal
 * (multi-line statements, meta-commands, history), the live view ({@code \subscribe}, {@code \pause},
 * {@code \continue}), {@code \import} of CSV and JSON Lines, and {@code \flush}; and on an emulated xterm, TAB
 * completion, the spinner and Ctrl-C.
 */
class CliIT {
    private static final KalamClient HTTP = new KalamClient();
    private static final String SUFFIX = Long.toString(System.nanoTime(), 36);
    private static final String NS = "cli" + SUFFIX;
    private static final String USER = "cli_" + SUFFIX;
    private static final String PASSWORD = "cli-secret-1";

    @BeforeAll
    static void userAndTable() {
        SqlApiIT.ok("CREATE NAMESPACE " + NS + "; CREATE USER TABLE " + NS + ".notes (id BIGINT PRIMARY KEY, body TEXT);"
                + " CREATE USER '" + USER + "' WITH PASSWORD '" + PASSWORD + "'");
    }

    /** The outcome of one run: exit code, standard output and standard error. */
    private record Run(int exit, String out, String err) {
    }

    private static Run kalam(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KalamCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] asUser(String... rest) {
        List<String> args = new ArrayList<>(List.of("-u", HTTP.baseUrl().toString(), "--user", USER,
                "--password", PASSWORD));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    @Test
    void commandPrintsPsqlStyleTablesAndMessagesAsTheLoggedInUser() {
        Run run = kalam(asUser("-n", NS, "-c", "INSERT INTO notes VALUES (1, 'first'), (22, NULL);"
                + " SELECT id, body FROM notes WHERE id < 100 ORDER BY id"));

        assertEquals(0, run.exit(), run::toString);
        assertEquals("""
                Inserted 2 row(s)
                 id | body
                ----+-------
                  1 | first
                 22 |
                (2 rows)

                """, run.out());
        assertEquals("who\r\n" + USER + "\r\n", kalam(asUser("--format", "csv", "-c", "SELECT CURRENT_USER() AS who"))
                .out());
    }

    @Test
    void aFileStopsAtTheFirstErrorWithExitCode1AndKeepsWhatRanBefore(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "INSERT INTO " + NS + ".notes VALUES (100, 'kept');\n"
                + "SELECT * FROM " + NS + ".nope;\n"
                + "INSERT INTO " + NS + ".notes VALUES (101, 'never');\n", StandardCharsets.UTF_8);

        Run run = kalam(asUser("-f", script.toString()));

        assertEquals(KalamCli.STATEMENT_FAILED, run.exit(), run::toString);
        assertEquals("Inserted 1 row(s)\n", run.out());
        assertEquals("ERROR (TABLE_NOT_FOUND): relation \"" + NS + ".nope\" does not exist at line 1, column 15\n",
                run.err());
        assertEquals("id\r\n100\r\n", kalam(asUser("--format", "csv", "-c", "SELECT id FROM " + NS
                + ".notes WHERE id >= 100 AND id < 300")).out());
    }

    @Test
    void jsonAndCsvFormats() {
        kalam(asUser("-c", "INSERT INTO " + NS + ".notes VALUES (300, 'a, \"quoted\" text')"));

        assertEquals("{\"columns\":[\"id\",\"body\"],\"rows\":[{\"id\":\"300\",\"body\":\"a, \\\"quoted\\\" text\"}],"
                + "\"row_count\":1}\n", kalam(asUser("--format", "json", "-c", "SELECT id, body FROM " + NS
                + ".notes WHERE id = 300")).out());
        assertEquals("id,body\r\n300,\"a, \"\"quoted\"\" text\"\r\n", kalam(asUser("--format", "csv", "-c",
                "SELECT id, body FROM " + NS + ".notes WHERE id = 300")).out());
    }

    @Test
    void aRefusedLoginIsExitCode2WithTheServersMessage() {
        Run run = kalam("-u", HTTP.baseUrl().toString(), "--user", USER, "--password", "wrong-password", "-c", "SELECT 1");

        assertEquals(KalamCli.CANNOT_RUN, run.exit());
        assertEquals("ERROR (AUTH_REQUIRED): Invalid username or password\n", run.err());
    }

    @Test
    void theLauncherRunsTheBuiltJarWithCredentialsFromTheEnvironment() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of("..", "cli", "bin", "kalam").toString(), "-c", "SELECT 40 + 2 AS answer")
                .redirectErrorStream(true);
        pb.environment().put("KALAM_URL", HTTP.baseUrl().toString());
        pb.environment().put("KALAM_USER", USER);
        pb.environment().put("KALAM_PASSWORD", PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, p.exitValue(), out);
        assertEquals(" answer\n--------\n     42\n(1 row)\n\n", out);
    }

    @Test
    void theExamplesOfDocsCliMdPrintWhatTheyDocument() throws Exception {
        SqlApiIT.ok("DROP NAMESPACE IF EXISTS chat CASCADE; DROP USER IF EXISTS 'alice'");
        SqlApiIT.ok("CREATE NAMESPACE chat; CREATE USER TABLE chat.messages (id BIGINT PRIMARY KEY, body TEXT);"
                + " CREATE USER alice WITH PASSWORD 'alice-password-1'");
        List<String[]> blocks = DocExamplesIT.MarkdownBlocks.fenced(Files.readString(Path.of("..", "docs", "cli.md")));
        int examples = 0;
        for (int i = 0; i < blocks.size() - 1; i++) {
            String command = blocks.get(i)[1].strip();
            if (!blocks.get(i)[0].equals("sh") || !command.startsWith("kalam ")) {
                continue;
            }
            String[] expected = blocks.get(i + 1);
            assertEquals("text", expected[0], command);
            List<String> args = new ArrayList<>(List.of("-u", HTTP.baseUrl().toString()));
            args.addAll(ShellWords.split(command.substring("kalam ".length()), ""));
            Run run = kalam(args.toArray(String[]::new));
            assertEquals(expected[1], run.exit() == 0 ? run.out() : run.err(), command);
            examples++;
        }
        assertEquals(3, examples);
    }

    @Test
    void aScriptedReplSessionRunsMultiLineStatementsMetaCommandsAndSurvivesErrors(@TempDir Path dir)
            throws Exception {
        String script = String.join("\n",
                "\\c " + NS,
                "INSERT INTO notes VALUES (500, 'from the repl');",
                "SELECT id,",
                "       body",
                "  FROM notes WHERE id = 500;",
                "SELECT * FROM nope;",
                "\\x",
                "SELECT id, body FROM notes WHERE id = 500;",
                "\\x",
                "\\timing",
                "SELECT 1 AS answer;",
                "\\dt",
                "\\as root SELECT 1",
                "\\bogus",
                "\\q",
                "SELECT 'never run';",
                "");
        String out = repl(KalamConnection.open(HTTP.baseUrl(), null, USER, PASSWORD), script, dir);

        assertTrue(out.contains("You are now using namespace \"" + NS + "\"."), out);
        assertTrue(out.contains("Inserted 1 row(s)"), out);
        assertTrue(out.contains(" id  |     body\n-----+---------------\n 500 | from the repl\n(1 row)"), out);
        assertTrue(out.contains("ERROR (TABLE_NOT_FOUND): relation \"nope\" does not exist"), out);
        assertTrue(out.contains("Expanded display is on.\n"), out);
        assertTrue(out.contains("-[ RECORD 1 ]+--------------\nid   | 500\nbody | from the repl"), out);
        assertTrue(out.contains("Timing is on."), out);
        assertTrue(out.matches("(?s).* answer\n--------\n      1\n\\(1 row\\)\n\nTime: \\d+\\.\\d{3} ms\n.*"), out);
        assertTrue(out.contains("ERROR (PERMISSION_DENIED)"), out);
        assertTrue(out.contains("Invalid command \\bogus. Try \\? for help."), out);
        assertFalse(out.contains("never run"), out);
        String saved = Files.readString(dir.resolve("history"));
        assertTrue(saved.contains("INSERT INTO notes VALUES (500, 'from the repl');"), saved);
        assertEquals("[\"500\",\"from the repl\"]", SqlApiIT.ok("EXECUTE AS USER '" + USER
                + "' (SELECT id, body FROM " + NS + ".notes WHERE id = 500)").path("results").get(0).path("rows").get(0)
                .toString());
    }

    @Test
    void aLiveViewPrintsInitialRowsThenChangesAndHoldsThemWhilePaused() throws Exception {
        SqlApiIT.ok("EXECUTE AS USER '" + USER + "' (INSERT INTO " + NS + ".notes VALUES (900, 'before'))");
        PipedOutputStream keys = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        KalamConnection connection = KalamConnection.open(HTTP.baseUrl(), null, USER, PASSWORD);
        Terminal terminal = new DumbTerminal("kalam", Terminal.TYPE_DUMB, new PipedInputStream(keys), screen,
                StandardCharsets.UTF_8);
        Thread session = startRepl(connection, terminal, Files.createTempFile("kalam", "history"));
        type(keys, "\\subscribe SELECT id, body FROM " + NS + ".notes WHERE id >= 900");
        awaitScreen(screen, "-- live: changes follow");
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains(" 900 | before"), screen::toString);

        SqlApiIT.ok("EXECUTE AS USER '" + USER + "' (INSERT INTO " + NS + ".notes VALUES (901, 'live one'))");
        awaitScreen(screen, "+ {\"id\":\"901\",\"body\":\"live one\"");
        type(keys, "\\pause");
        awaitScreen(screen, "Paused");
        SqlApiIT.ok("EXECUTE AS USER '" + USER + "' (UPDATE " + NS + ".notes SET body = 'changed' WHERE id = 901)");
        Thread.sleep(1_000);
        assertFalse(screen.toString(StandardCharsets.UTF_8).contains("changed"), screen::toString);
        type(keys, "\\continue");
        awaitScreen(screen, "~ {\"id\":\"901\",\"body\":\"changed\"");
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains("Continuing with 1 held change(s)."), screen::toString);
        SqlApiIT.ok("EXECUTE AS USER '" + USER + "' (DELETE FROM " + NS + ".notes WHERE id = 901)");
        awaitScreen(screen, "- {\"id\":\"901\"");
        type(keys, "\\stop");
        awaitScreen(screen, "Live view ended.");
        type(keys, "\\q");
        session.join(10_000);
        assertFalse(session.isAlive());
        terminal.close();
    }

    /**
     * A real (non-dumb) terminal: JLine's {@code ExternalTerminal} emulates an xterm with a line discipline over
     * pipes, so TAB reaches the completer and Ctrl-C (byte 3) raises SIGINT, as on a pseudo-terminal.
     */
    @Test
    void onATerminalTabCompletesTableNamesASlowStatementSpinsAndCtrlCCancelsIt(@TempDir Path dir) throws Exception {
        SqlApiIT.ok("CREATE SHARED TABLE " + NS + ".numbers (n BIGINT PRIMARY KEY) WITH (ACCESS_LEVEL = 'public')");
        StringBuilder insert = new StringBuilder("INSERT INTO " + NS + ".numbers VALUES ");
        for (int n = 1; n <= 3000; n++) {
            insert.append(n == 1 ? "" : ", ").append('(').append(n).append(')');
        }
        SqlApiIT.ok(insert.toString());
        PipedOutputStream keys = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path history = dir.resolve("history");
        KalamConnection connection = KalamConnection.open(HTTP.baseUrl(), null, USER, PASSWORD);
        try (Terminal terminal = new ExternalTerminal("kalam", "xterm", new PipedInputStream(keys), screen,
                StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(160, 40));
            Thread session = startRepl(connection, terminal, history);
            awaitScreen(screen, "kalam> ");

            keys.write(("SELECT n FROM " + NS + ".numb\t").getBytes(StandardCharsets.UTF_8));
            type(keys, "WHERE n = 7;");
            awaitScreen(screen, "(1 row)");

            type(keys, "SELECT COUNT(*) FROM " + NS + ".numbers a, " + NS + ".numbers b, " + NS + ".numbers c;");
            Pattern spinner = Pattern.compile("\r[|/\\-] \\d+\\.\\d s");
            awaitScreen(screen, shown -> spinner.matcher(shown).find(), "a spinner");
            keys.write(3);
            keys.flush();
            awaitScreen(screen, "Cancelled.");

            keys.write("SELECT 'never sent'".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitScreen(screen, "'never sent'");
            int prompts = screen.toString(StandardCharsets.UTF_8).split("kalam> ", -1).length;
            keys.write(3);
            keys.flush();
            awaitScreen(screen, shown -> shown.split("kalam> ", -1).length > prompts, "a new prompt after Ctrl-C");
            type(keys, "SELECT 6 * 7 AS answer;");
            awaitScreen(screen, " 42");
            type(keys, "\\q");
            session.join(10_000);
            assertFalse(session.isAlive(), "\\q ended the session");
        }
        List<String> saved = Files.readAllLines(history).stream().map(line -> line.substring(line.indexOf(':') + 1))
                .filter(line -> !line.startsWith("\\")).toList();
        assertEquals(List.of("SELECT n FROM " + NS + ".numbers WHERE n = 7;", "SELECT COUNT(*) FROM " + NS
                + ".numbers a, " + NS + ".numbers b, " + NS + ".numbers c;", "SELECT 6 * 7 AS answer;"), saved,
                "TAB completed the table name; the input Ctrl-C discarded never ran");
    }

    /** @return a started thread running a REPL session on {@code terminal} */
    private static Thread startRepl(KalamConnection connection, Terminal terminal, Path history) {
        Thread session = new Thread(() -> {
            try {
                new Repl(connection, terminal, history, OutputFormat.TABLE).run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        session.start();
        return session;
    }

    private static void type(PipedOutputStream keys, String line) throws Exception {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void awaitScreen(ByteArrayOutputStream screen, String text) throws InterruptedException {
        awaitScreen(screen, shown -> shown.contains(text), "\"" + text + "\"");
    }

    /** Waits up to 15 s until what the terminal has shown passes {@code shown}; fails naming {@code what}. */
    private static void awaitScreen(ByteArrayOutputStream screen, Predicate<String> shown, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!shown.test(screen.toString(StandardCharsets.UTF_8))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " on the screen:\n" + screen);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void importLoadsCsvAndJsonLinesAndFlushWaitsForItsJob(@TempDir Path dir) throws Exception {
        SqlApiIT.ok("CREATE USER TABLE " + NS + ".imported (id BIGINT PRIMARY KEY, body TEXT, score INT)");
        Path csv = dir.resolve("rows.csv");
        StringBuilder lines = new StringBuilder("id,body,score\r\n1,\"a, quoted \"\"text\"\"\",10\r\n2,,\r\n");
        for (int i = 3; i <= 1_200; i++) {
            lines.append(i).append(",row ").append(i).append(',').append(i % 7).append("\r\n");
        }
        Files.writeString(csv, lines);
        Path jsonl = dir.resolve("more.jsonl");
        Files.writeString(jsonl, "{\"id\": 5000, \"body\": \"from json\", \"score\": 5}\n\n{\"id\": 5001, \"body\": null}\n");
        String script = String.join("\n",
                "\\import " + NS + ".imported " + csv,
                "\\import " + NS + ".imported " + jsonl,
                "\\import " + NS + ".imported " + csv,
                "\\q", "");
        String out = repl(KalamConnection.open(HTTP.baseUrl(), null, USER, PASSWORD), script, dir);

        assertTrue(out.contains("Imported 1,200 rows into " + NS + ".imported in "), out);
        assertTrue(out.contains("Imported 2 rows into " + NS + ".imported in "), out);
        assertTrue(out.contains("Stopped after 0 rows.\nERROR (CONSTRAINT_VIOLATION): "), out);
        assertTrue(out.contains("(rows 1–500)"), out);
        assertEquals("[[\"1202\",\"a, quoted \\\"text\\\"\",null,\"from json\",5]]", SqlApiIT.ok("EXECUTE AS USER '" + USER
                + "' (SELECT COUNT(*), MAX(CASE WHEN id = 1 THEN body END), MAX(CASE WHEN id = 2 THEN score END),"
                + " MAX(CASE WHEN id = 5000 THEN body END), MAX(CASE WHEN id = 5000 THEN score END) FROM " + NS
                + ".imported)").path("results").get(0).path("rows").toString());

        String flushed = repl(KalamConnection.open(HTTP.baseUrl(), null, null, null),
                "\\flush " + NS + ".imported\n\\q\n", dir);
        assertTrue(flushed.matches("(?s).*Flush job FL-\\d+ completed: .*"), flushed);
    }

    private static String repl(KalamConnection connection, String script, Path dir) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("kalam", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            new Repl(connection, terminal, dir.resolve("history"), OutputFormat.TABLE).run();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }
}
