package io.kalamdb.core.sql.calcite;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Turns Calcite validation failures into contract errors: an unknown table (or namespace of a qualified
 * table name) becomes TABLE_NOT_FOUND, anything else INVALID_SQL; the message keeps Calcite's text and
 * its line and column.
 */
final class ValidationErrors {
    private ValidationErrors() {
    }

    /**
     * @param e     the validation failure
     * @param names the statement's identifiers by position, from {@link #identifierNames}
     * @return the contract error
     */
    static KalamException translate(CalciteContextException e, Map<String, String> names) {
        String reason = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : e.getMessage();
        String where = " at line " + e.getPosLine() + ", column " + e.getPosColumn();
        if (reason.startsWith("Object '") && reason.contains("' not found")) {
            String name = reason.substring("Object '".length(), reason.indexOf("' not found"));
            int within = reason.indexOf("within '");
            if (within >= 0) {
                name = reason.substring(within + "within '".length(), reason.lastIndexOf('\'')) + "." + name;
            } else {
                name = names.getOrDefault(e.getPosLine() + ":" + e.getPosColumn(), name);
            }
            return new KalamException(ErrorCode.TABLE_NOT_FOUND, "ERROR: relation \"" + name + "\" does not exist"
                    + where, e);
        }
        if (reason.startsWith("Table '") && reason.contains("' not found")) {
            String name = reason.substring("Table '".length(), reason.indexOf("' not found"));
            return new KalamException(ErrorCode.TABLE_NOT_FOUND, "ERROR: relation \"" + name + "\" does not exist"
                    + where, e);
        }
        return new KalamException(ErrorCode.INVALID_SQL, reason + where, e);
    }

    /**
     * Records the dotted name of every identifier by its start position, before validation (which rewrites
     * identifiers in place), so an error can name the whole {@code ns.table} the user wrote.
     */
    static Map<String, String> identifierNames(SqlNode query) {
        Map<String, String> names = new HashMap<>();
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                SqlParserPos pos = id.getParserPosition();
                names.putIfAbsent(pos.getLineNum() + ":" + pos.getColumnNum(), String.join(".", id.names));
                return null;
            }
        });
        return names;
    }
}
