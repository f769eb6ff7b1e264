package io.kalamdb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The REPL's {@code \} commands. Most are shorthands for SQL the user could type (so they obey the same
 * permissions); {@code \c}, {@code \timing}, {@code \x} and {@code \refresh} change the session; {@code \q} ends it.
 */
final class MetaCommands {
    /** What each command does, for {@code \?}. */
    static final Map<String, String> HELP = new TreeMap<>(Map.ofEntries(
            Map.entry("\\?", "this help"),
            Map.entry("\\q", "quit (also Ctrl-D)"),
            Map.entry("\\l", "list namespaces (SHOW NAMESPACES)"),
            Map.entry("\\c NS", "use namespace NS for unqualified table names"),
            Map.entry("\\dt [NS]", "list tables of NS or the current namespace (SHOW TABLES)"),
            Map.entry("\\d TABLE", "describe a table (DESCRIBE TABLE)"),
            Map.entry("\\du", "list users (system.users; dba)"),
            Map.entry("\\jobs", "recent jobs (system.jobs; dba)"),
            Map.entry("\\flush TABLE", "flush a table to the cold tier and wait for the job (FLUSH TABLE; dba)"),
            Map.entry("\\import TABLE FILE", "load a .csv (header line) or .jsonl file with batched INSERTs"),
            Map.entry("\\kill JOB_ID", "stop a job (KILL JOB; dba)"),
            Map.entry("\\stats", "per-table statistics (SHOW STATS; dba)"),
            Map.entry("\\health", "the server's health check"),
            Map.entry("\\as USER SQL", "run one statement as another user (EXECUTE AS USER)"),
            Map.entry("\\subscribe SQL", "a live view of a query until Ctrl-C or \\stop (alias \\watch)"),
            Map.entry("\\timing", "toggle printing each statement's time"),
            Map.entry("\\x", "toggle expanded display (one line per column)"),
            Map.entry("\\refresh", "reload the names TAB completes")));

    /** Runs SQL text and shows what it returns. */
    @FunctionalInterface
    interface Sql {
        void run(String sql) throws KalamError;
    }

    private final KalamConnection connection;
    private final ResultPrinter printer;
    private final SqlCompleter completer;
    private final Sql sql;
    private final Sql live;
    private final Supplier<Progress> progress;
    private final PrintWriter out;

    /**
     * @param sql      runs statements and prints their results
     * @param live     shows a live view of a query (without a trailing {@code ;}) until the user ends it
     * @param progress a new progress bar
     */
    MetaCommands(KalamConnection connection, ResultPrinter printer, SqlCompleter completer, Sql sql, Sql live,
                 Supplier<Progress> progress, PrintWriter out) {
        this.connection = connection;
        this.printer = printer;
        this.completer = completer;
        this.sql = sql;
        this.live = live;
        this.progress = progress;
        this.out = out;
    }

    /**
     * @param line the command line, starting with {@code \}
     * @return false for {@code \q}, true otherwise
     * @throws KalamError the error of the SQL a command ran
     */
    boolean run(String line) throws KalamError {
        String[] words = line.strip().split("\\s+", 2);
        String arg = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "\\q" -> {
                return false;
            }
            case "\\?" -> HELP.forEach((command, text) -> out.printf("  %-14s %s%n", command, text));
            case "\\l" -> sql.run("SHOW NAMESPACES");
            case "\\c" -> use(arg);
            case "\\dt" -> {
                String namespace = arg.isEmpty() ? connection.namespace() : arg;
                sql.run(namespace == null ? "SHOW TABLES" : "SHOW TABLES IN " + namespace);
            }
            case "\\d" -> sql.run("DESCRIBE TABLE " + required(arg, "\\d TABLE"));
            case "\\du" -> sql.run("SELECT user_id, role, email, created_at, last_login_at, deleted_at FROM system.users"
                    + " ORDER BY user_id");
            case "\\jobs" -> sql.run("SELECT job_id, job_type, status, namespace_id, table_name, progress, created_at,"
                    + " finished_at, message FROM system.jobs ORDER BY created_at DESC LIMIT 20");
            case "\\flush" -> flush(required(arg, "\\flush TABLE"));
            case "\\import" -> importFile(arg);
            case "\\kill" -> sql.run("KILL JOB '" + required(arg, "\\kill JOB_ID").replace("'", "''") + "'");
            case "\\stats" -> sql.run("SHOW STATS");
            case "\\health" -> out.println(connection.health());
            case "\\as" -> executeAs(arg);
            case "\\subscribe", "\\watch" -> live.run(withoutSemicolon(required(arg, "\\subscribe SELECT …")));
            case "\\timing" -> out.println("Timing is " + (printer.toggleTiming() ? "on." : "off."));
            case "\\x" -> out.println("Expanded display is " + (printer.toggleExpanded() ? "on." : "off."));
            case "\\refresh" -> {
                completer.refresh();
                out.println(completer.names().size() + " names loaded for completion.");
            }
            default -> out.println("Invalid command " + words[0] + ". Try \\? for help.");
        }
        out.flush();
        return true;
    }

    private void use(String namespace) throws KalamError {
        connection.useNamespace(required(namespace, "\\c NS"));
        out.println("You are now using namespace \"" + namespace + "\".");
    }

    /** Submits the flush job and follows it in {@code system.jobs} until it ends, with a progress bar. */
    private void flush(String table) throws KalamError {
        String job = QueryResult.text(connection.execute("FLUSH TABLE " + table).get(0).rows().get(0).get(0));
        Progress bar = progress.get();
        while (true) {
            List<JsonNode> row = connection.execute("SELECT status, progress, message FROM system.jobs WHERE job_id = $1",
                    List.of(job)).get(0).rows().get(0);
            String status = QueryResult.text(row.get(0));
            if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")
                    || status.equals("skipped")) {
                bar.finish("Flush job " + job + " " + status + ": " + QueryResult.text(row.get(2)));
                return;
            }
            bar.update(row.get(1).asDouble(), "flush " + job + " " + status, 0);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bar.finish("Stopped waiting; job " + job + " goes on (\\jobs shows it).");
                return;
            }
        }
    }

    private void importFile(String arg) throws KalamError {
        String[] parts = arg.split("\\s+", 2);
        if (parts.length < 2) {
            throw new KalamError("INVALID_PARAMETER", "usage: \\import TABLE FILE");
        }
        new Importer(connection, progress.get()).run(parts[0], Path.of(parts[1].strip()));
    }

    private void executeAs(String arg) throws KalamError {
        String[] parts = arg.split("\\s+", 2);
        if (parts.length < 2) {
            throw new KalamError("INVALID_PARAMETER", "usage: \\as USER STATEMENT");
        }
        sql.run("EXECUTE AS USER '" + parts[0].replace("'", "''") + "' (" + withoutSemicolon(parts[1]) + ")");
    }

    /** @return the statement, stripped, without a trailing semicolon */
    private static String withoutSemicolon(String statement) {
        String s = statement.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    private static String required(String arg, String usage) throws KalamError {
        if (arg.isEmpty()) {
            throw new KalamError("INVALID_PARAMETER", "usage: " + usage);
        }
        return arg;
    }
}
