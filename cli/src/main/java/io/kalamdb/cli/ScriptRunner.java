package io.kalamdb.cli;

import java.util.List;

/**
 * Runs a script's statements one at a time, printing each result in the chosen format, and stops at the first one
 * that fails (the statements before it stay committed, as in a server-side batch).
 */
final class ScriptRunner {
    private final KalamConnection connection;
    private final ResultPrinter printer;

    ScriptRunner(KalamConnection connection, ResultPrinter printer) {
        this.connection = connection;
        this.printer = printer;
    }

    /**
     * @param script SQL text; a last statement without {@code ;} is run too
     * @throws KalamError the first failing statement's error (UNREACHABLE if the server went away)
     */
    void run(String script) throws KalamError {
        for (String statement : StatementSplitter.split(script).all()) {
            long start = System.nanoTime();
            List<QueryResult> results = connection.execute(statement);
            long elapsed = System.nanoTime() - start;
            for (QueryResult result : results) {
                printer.print(result, elapsed);
            }
        }
    }
}
