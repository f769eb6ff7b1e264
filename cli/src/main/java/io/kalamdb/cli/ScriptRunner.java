package io.kalamdb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a script's statements one at a time, printing each result in the chosen format, and stops at the first one
 * that fails (the statements before it stay committed, as in a server-side batch).
 */
final class ScriptRunner {
    private final KalamConnection connection;
    private final OutputFormat format;
    private final PrintWriter out;

    ScriptRunner(KalamConnection connection, OutputFormat format, PrintWriter out) {
        this.connection = connection;
        this.format = format;
        this.out = out;
    }

    /**
     * @param script SQL text; a last statement without {@code ;} is run too
     * @throws KalamError the first failing statement's error (UNREACHABLE if the server went away)
     */
    void run(String script) throws KalamError {
        StatementSplitter.Split split = StatementSplitter.split(script);
        List<String> statements = new ArrayList<>(split.statements());
        if (split.incomplete()) {
            statements.add(split.rest());
        }
        for (String statement : statements) {
            for (QueryResult result : connection.execute(statement)) {
                out.print(format.format(result));
            }
            out.flush();
        }
    }
}
