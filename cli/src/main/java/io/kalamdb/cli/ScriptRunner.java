package io.kalamdb.cli;

import java.util.List;

/**
 * Runs a script's statements one at a time, printing each result in the chosen format, and stops at the first one
 * that fails (the statements before it stay committed, as in a server-side batch) or whose wait is cancelled.
 */
final class ScriptRunner {
    /** Sends one statement and waits for its results. */
    @FunctionalInterface
    interface Execute {
        /**
         * @param statement one statement
         * @return its results, or null if the user cancelled the wait
         * @throws KalamError the statement's error (UNREACHABLE if the server went away)
         */
        List<QueryResult> execute(String statement) throws KalamError;
    }

    private final Execute execute;
    private final ResultPrinter printer;

    /**
     * @param execute how each statement is sent: {@code connection::execute}, or the REPL's cancellable wait
     * @param printer where results are printed
     */
    ScriptRunner(Execute execute, ResultPrinter printer) {
        this.execute = execute;
        this.printer = printer;
    }

    /**
     * @param script SQL text; a last statement without {@code ;} is run too
     * @return false if a statement's wait was cancelled (the statements after it were not run), true otherwise
     * @throws KalamError the first failing statement's error (UNREACHABLE if the server went away)
     */
    boolean run(String script) throws KalamError {
        for (String statement : StatementSplitter.split(script).all()) {
            long start = System.nanoTime();
            List<QueryResult> results = execute.execute(statement);
            if (results == null) {
                return false;
            }
            long elapsed = System.nanoTime() - start;
            for (QueryResult result : results) {
                printer.print(result, elapsed);
            }
        }
        return true;
    }
}
