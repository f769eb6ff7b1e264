package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlWriter;

import java.util.Locale;
import java.util.Map;

/** Small unparse helpers shared by the KalamDB statement nodes. */
final class Unparse {
    private Unparse() {
    }

    /** Writes a string literal, quotes doubled. */
    static void string(SqlWriter writer, String value) {
        writer.literal("'" + value.replace("'", "''") + "'");
    }

    /** Writes a secret (password, credentials) as a masked literal, so unparsed text never leaks it. */
    static void secret(SqlWriter writer) {
        writer.literal("'***'");
    }

    /** Writes a simple name, quoted when the dialect needs it. */
    static void name(SqlWriter writer, String name) {
        writer.identifier(name, true);
    }

    /** Writes {@code (KEY = value, ...)}; strings quoted, other values as written. */
    static void options(SqlWriter writer, Map<String, ?> options) {
        final SqlWriter.Frame frame = writer.startList("(", ")");
        for (Map.Entry<String, ?> option : options.entrySet()) {
            writer.sep(",");
            writer.keyword(option.getKey());
            writer.keyword("=");
            value(writer, option.getValue());
        }
        writer.endList(frame);
    }

    private static void value(SqlWriter writer, Object value) {
        if (value instanceof String) {
            string(writer, (String) value);
        } else {
            writer.literal(value.toString().toUpperCase(Locale.ROOT));
        }
    }
}
