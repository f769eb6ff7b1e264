package io.kalamdb.core.sql.parser;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.sql.parser.impl.KalamSqlParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL parser of the engine: Calcite's grammar (SELECT, INSERT, UPDATE, DELETE, …) plus the KalamDB
 * statements of the {@code ast} package. Stateless and thread-safe.
 *
 * <p>Parameters are Calcite's {@code ?} or PostgreSQL's {@code $1 … $n} (not both in one statement). Errors are
 * {@link KalamException}s whose message names the position in the submitted text as {@code at line L, column C}.
 */
public final class KalamSqlParser {
    private static final SqlParser.Config CONFIG = SqlParser.config()
        .withParserFactory(KalamSqlParserImpl.FACTORY)
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withConformance(SqlConformanceEnum.LENIENT)
        .withIdentifierMaxLength(128);

    private KalamSqlParser() {
    }

    /**
     * @return the parser settings (double-quoted identifiers, unquoted names lower-cased, case-sensitive,
     *     lenient conformance, names up to 128 characters, KalamDB's grammar), for the validator to share
     */
    public static SqlParser.Config config() {
        return CONFIG;
    }

    /**
     * Splits a script on {@code ;} (not inside strings, quoted identifiers or comments; empty statements
     * skipped) and parses every statement.
     *
     * @param sql one statement or a {@code ;}-separated script
     * @return the statements in order, at least one
     * @throws KalamException {@code EMPTY_SQL} if there is no statement (null, blank or only comments);
     *                        {@code INVALID_SQL} if a lone statement does not parse; {@code BATCH_PARSE_ERROR}
     *                        with {@code Statement N: …} if statement N of two or more does not parse
     */
    public static List<ParsedStatement> parseScript(String sql) {
        final List<ScriptSplitter.Piece> pieces = sql == null ? List.of() : ScriptSplitter.split(sql);
        if (pieces.isEmpty()) {
            throw new KalamException(ErrorCode.EMPTY_SQL, "SQL statement is empty");
        }
        final List<ParsedStatement> statements = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            final ScriptSplitter.Piece piece = pieces.get(i);
            try {
                statements.add(parseStatement(i + 1, piece.text()));
            } catch (SqlParseException e) {
                final String message = ParseErrorMessage.format(e, piece.start());
                if (pieces.size() == 1) {
                    throw new KalamException(ErrorCode.INVALID_SQL, message, e);
                }
                throw new KalamException(ErrorCode.BATCH_PARSE_ERROR, "Statement " + (i + 1) + ": " + message, e);
            }
        }
        return statements;
    }

    /**
     * Parses a stand-alone expression, such as a column DEFAULT stored as text.
     *
     * @param expr the expression, e.g. {@code NOW()} or {@code 'x'}
     * @return its parse tree
     * @throws KalamException {@code INVALID_SQL} if it is blank or does not parse
     */
    public static SqlNode parseExpression(String expr) {
        if (expr == null || expr.isBlank()) {
            throw new KalamException(ErrorCode.INVALID_SQL, "Expression is empty");
        }
        try {
            return SqlParser.create(expr, CONFIG).parseExpression();
        } catch (SqlParseException e) {
            throw new KalamException(ErrorCode.INVALID_SQL, ParseErrorMessage.format(e, new SqlParserPos(1, 1)), e);
        }
    }

    private static ParsedStatement parseStatement(int number, String text) throws SqlParseException {
        final PositionalParameters.Rewrite rewrite = PositionalParameters.rewrite(text);
        final SqlNode node = SqlParser.create(rewrite.sql(), CONFIG).parseStmt();
        return new ParsedStatement(number, text, node, rewrite.paramOrder(), rewrite.paramCount());
    }
}
