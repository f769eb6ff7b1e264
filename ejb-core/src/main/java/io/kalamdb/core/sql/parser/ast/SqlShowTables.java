package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW TABLES [IN ns]}. */
public final class SqlShowTables extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW TABLES", SqlKind.OTHER);

    private final String namespace;

    /**
     * @param pos       statement position
     * @param namespace the namespace after IN, or null for all namespaces
     */
    public SqlShowTables(SqlParserPos pos, String namespace) {
        super(pos, OPERATOR);
        this.namespace = namespace;
    }

    /** @return the namespace after IN, or null if none was given */
    public String getNamespace() {
        return namespace;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SHOW TABLES");
        if (namespace != null) {
            writer.keyword("IN");
            Unparse.name(writer, namespace);
        }
    }
}
