package io.kalamdb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive session: a JLine line editor with history (saved to the history file), TAB completion
 * ({@link SqlCompleter}) and multi-line statements ended by {@code ;}; {@code \} commands ({@link MetaCommands}).
 * Ctrl-C while typing discards the input; Ctrl-C while a statement runs stops waiting for it (the server still
 * bounds it by its statement timeout) — neither ends the session; Ctrl-D or {@code \q} does. A statement running
 * longer than {@value #SPINNER_AFTER_MILLIS} ms shows a spinner with the elapsed time on a real terminal.
 */
public final class Repl {
    private static final long SPINNER_AFTER_MILLIS = 200;
    private static final String SPINNER = "|/-\\";

    private final KalamConnection connection;
    private final Terminal terminal;
    private final Path history;
    private final ResultPrinter printer;
    private final PrintWriter out;
    private final SqlCompleter completer;
    /** Whether the terminal can redraw a line (spinner, progress bar): not a dumb terminal. */
    private final boolean redraws;
    private final ScriptRunner runner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kalam-statement");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param connection the server
     * @param terminal   where the session reads and writes (a system terminal, or a scripted one in tests)
     * @param history    the history file
     * @param format     how results are printed
     */
    public Repl(KalamConnection connection, Terminal terminal, Path history, OutputFormat format) {
        this.connection = connection;
        this.terminal = terminal;
        this.history = history;
        this.out = terminal.writer();
        this.printer = new ResultPrinter(out, format);
        this.completer = new SqlCompleter(connection);
        this.redraws = !Terminal.TYPE_DUMB.equals(terminal.getType());
        this.runner = new ScriptRunner(statement -> await(worker.submit(() -> connection.execute(statement))), printer);
    }

    /**
     * Runs the session until {@code \q} or end of input.
     *
     * @throws IOException if the history cannot be saved
     */
    public void run() throws IOException {
        completer.refresh();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("kalam")
                .parser(new SqlLineParser()).completer(completer)
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P -> ")
                .build();
        out.println("kalam: connected to " + connection.url() + ". Type \\? for help, \\q to quit.");
        MetaCommands meta = new MetaCommands(connection, printer, completer, this::runStatements,
                sql -> new LiveView(connection, reader).run(sql), () -> new Progress(out, redraws), out);
        try {
            while (true) {
                String input;
                try {
                    input = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                try {
                    if (input.strip().startsWith("\\")) {
                        if (!meta.run(input)) {
                            return;
                        }
                    } else if (!input.isBlank()) {
                        runStatements(input);
                    }
                } catch (KalamError e) {
                    out.println(e.display());
                }
                out.flush();
            }
        } finally {
            reader.getHistory().save();
            worker.shutdownNow();
        }
    }

    private String prompt() {
        return "kalam" + (connection.namespace() == null ? "" : ":" + connection.namespace()) + "> ";
    }

    /** Runs each statement of the input in turn, printing its result; stops at the first error or at Ctrl-C. */
    private void runStatements(String input) throws KalamError {
        if (!runner.run(input)) {
            out.println("Cancelled.");
        }
    }

    /** @return the statement's results, or null if Ctrl-C cancelled the wait */
    private List<QueryResult> await(Future<List<QueryResult>> running) throws KalamError {
        long start = System.nanoTime();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> running.cancel(true));
        boolean spinning = false;
        try {
            for (int tick = 0; ; tick++) {
                try {
                    return running.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (millis >= SPINNER_AFTER_MILLIS && redraws) {
                        out.printf("\r%c %.1f s", SPINNER.charAt(tick % SPINNER.length()), millis / 1000.0);
                        out.flush();
                        spinning = true;
                    }
                }
            }
        } catch (CancellationException | InterruptedException e) {
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KalamError k) {
                throw k;
            }
            throw new KalamError("INTERNAL_ERROR", String.valueOf(e.getCause()));
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            if (spinning) {
                out.print("\r\033[K");
                out.flush();
            }
        }
    }
}
