package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code USE ns} or {@code USE NAMESPACE ns}: sets the session's default namespace. */
public final class SqlUseNamespace extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("USE", SqlKind.OTHER);

    private final String namespace;

    /**
     * @param pos       statement position
     * @param namespace the namespace name
     */
    public SqlUseNamespace(SqlParserPos pos, String namespace) {
        super(pos, OPERATOR);
        this.namespace = namespace;
    }

    /** @return the namespace name */
    public String getNamespace() {
        return namespace;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("USE NAMESPACE");
        Unparse.name(writer, namespace);
    }
}
