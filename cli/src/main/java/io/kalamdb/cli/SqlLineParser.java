package io.kalamdb.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * The REPL's line parser: input is accepted when it is a {@code \} meta-command (one line) or ends with the
 * semicolon of a complete statement ({@link StatementSplitter}); otherwise Enter continues it on a new line.
 */
final class SqlLineParser extends DefaultParser {
    /** No escape characters: a backslash starts a meta-command and is SQL text elsewhere. */
    SqlLineParser() {
        setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !line.strip().startsWith("\\")
                && StatementSplitter.split(line).incomplete()) {
            throw new EOFError(-1, cursor, "statement not terminated with ;");
        }
        return super.parse(line, cursor, context);
    }
}
