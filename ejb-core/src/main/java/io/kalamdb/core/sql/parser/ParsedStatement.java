package io.kalamdb.core.sql.parser;

import org.apache.calcite.sql.SqlNode;

/**
 * One parsed statement of a script.
 *
 * @param number     1-based position of the statement in the script
 * @param sql        the statement's text as written (trimmed, without the {@code ;}, {@code $n} kept)
 * @param node       the parse tree; {@code $n} and {@code ?} are Calcite dynamic parameters numbered 0, 1, …
 *                   in order of appearance
 * @param paramOrder for each dynamic parameter i (the i-th {@code ?} or {@code $n} in the text), the 0-based
 *                   index into the caller's parameter list: {@code $2 … $1 … $2} gives {@code [1, 0, 1]}
 * @param paramCount how many parameters the statement needs: the highest n of {@code $n}, or the number of
 *                   {@code ?}; 0 if none
 */
public record ParsedStatement(int number, String sql, SqlNode node, int[] paramOrder, int paramCount) {
}
