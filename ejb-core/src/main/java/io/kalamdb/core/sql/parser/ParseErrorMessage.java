package io.kalamdb.core.sql.parser;

import io.kalamdb.core.sql.parser.impl.KalamSqlParserImpl;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link SqlParseException} for one statement into a client message: Calcite's gist on one line, the
 * position moved from the statement to the whole script ({@code … at line L, column C}), and the list of
 * expected tokens cut to {@value #MAX_EXPECTED} entries, with the identifier tokens and non-reserved keywords
 * that all stand for "a name" shown as one {@code <IDENTIFIER>}.
 */
final class ParseErrorMessage {
    static final int MAX_EXPECTED = 8;

    private static final Pattern CONTEXT_PREFIX =
        Pattern.compile("^From line \\d+, column \\d+ to line \\d+, column \\d+: ");
    private static final Pattern AT_POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Pattern EXPECTING = Pattern.compile("(?s)\\s*Was expecting( one of)?:(.*)$");
    /** JavaCC 5 prints each found token as {@code  <kind> "<image> "}; we show only the images. */
    private static final Pattern FOUND_TOKENS =
        Pattern.compile("Encountered \"((?: +(?:\"[^\"]*\"|<[^>]+>) \"[^\"]* \")+)\" at");
    private static final Pattern FOUND_TOKEN = Pattern.compile(" +(?:\"[^\"]*\"|<[^>]+>) \"([^\"]*) \"");
    private static final SqlAbstractParserImpl.Metadata METADATA =
        KalamSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

    private ParseErrorMessage() {
    }

    /**
     * @param error the parser's exception for the statement
     * @param start where the statement starts in the script (line 1, column 1 for a lone statement)
     * @return the message, always ending its first part with {@code at line L, column C}
     */
    static String format(SqlParseException error, SqlParserPos start) {
        final String message = error.getMessage() == null ? "Syntax error" : error.getMessage();
        final Matcher expecting = EXPECTING.matcher(message);
        final boolean hasExpected = expecting.find();
        String gist = hasExpected ? message.substring(0, expecting.start()) : message;
        gist = CONTEXT_PREFIX.matcher(gist.strip()).replaceFirst("").replaceAll("\\s+", " ");
        gist = simplifyFoundTokens(gist);
        final SqlParserPos relative = relativePosition(error, gist);
        final String at = "at line " + absoluteLine(relative, start) + ", column " + absoluteColumn(relative, start);
        final Matcher position = AT_POSITION.matcher(gist);
        if (position.find()) {
            gist = gist.substring(0, position.start()) + at + gist.substring(position.end());
        } else {
            gist = stripPeriod(gist) + " " + at;
        }
        final String expected = hasExpected ? expectedTokens(expecting.group(2)) : "";
        if (expected.isEmpty()) {
            return gist;
        }
        return stripPeriod(gist) + ". Was expecting" + (expecting.group(1) == null ? "" : " one of") + ": "
            + expected;
    }

    private static String simplifyFoundTokens(String gist) {
        final Matcher found = FOUND_TOKENS.matcher(gist);
        if (!found.find()) {
            return gist;
        }
        final List<String> images = new ArrayList<>();
        final Matcher token = FOUND_TOKEN.matcher(found.group(1));
        while (token.find()) {
            images.add(token.group(1));
        }
        return gist.substring(0, found.start()) + "Encountered \"" + String.join(" ", images) + "\" at"
            + gist.substring(found.end());
    }

    private static SqlParserPos relativePosition(SqlParseException error, String gist) {
        if (error.getPos() != null && error.getPos().getLineNum() > 0) {
            return error.getPos();
        }
        final Matcher position = AT_POSITION.matcher(gist);
        if (position.find()) {
            return new SqlParserPos(Integer.parseInt(position.group(1)), Integer.parseInt(position.group(2)));
        }
        return new SqlParserPos(1, 1);
    }

    private static int absoluteLine(SqlParserPos relative, SqlParserPos start) {
        return start.getLineNum() + relative.getLineNum() - 1;
    }

    private static int absoluteColumn(SqlParserPos relative, SqlParserPos start) {
        return relative.getLineNum() == 1 ? start.getColumnNum() + relative.getColumnNum() - 1
            : relative.getColumnNum();
    }

    private static String expectedTokens(String list) {
        final Set<String> tokens = new LinkedHashSet<>();
        for (String line : list.split("\\R")) {
            final String token = line.strip().replaceAll("\\s*\\.\\.\\.$", "");
            if (!token.isEmpty()) {
                tokens.add(standsForName(token) ? "<IDENTIFIER>" : token);
            }
        }
        final List<String> shown = new ArrayList<>(tokens).subList(0, Math.min(MAX_EXPECTED, tokens.size()));
        final int more = tokens.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** @return whether the token is one of the ways to write a name: an identifier token or a non-reserved keyword */
    private static boolean standsForName(String token) {
        if (token.startsWith("<") && token.endsWith("IDENTIFIER>")) {
            return true;
        }
        return token.length() > 2 && token.startsWith("\"") && token.endsWith("\"")
            && METADATA.isNonReservedKeyword(token.substring(1, token.length() - 1));
    }

    private static String stripPeriod(String text) {
        final String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
