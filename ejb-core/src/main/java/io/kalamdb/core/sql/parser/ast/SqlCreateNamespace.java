package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE NAMESPACE [IF NOT EXISTS] ns}. */
public final class SqlCreateNamespace extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE NAMESPACE", SqlKind.CREATE_SCHEMA);

    private final String namespace;
    private final boolean ifNotExists;

    /**
     * @param pos         statement position
     * @param namespace   the namespace name
     * @param ifNotExists whether IF NOT EXISTS was given
     */
    public SqlCreateNamespace(SqlParserPos pos, String namespace, boolean ifNotExists) {
        super(pos, OPERATOR);
        this.namespace = namespace;
        this.ifNotExists = ifNotExists;
    }

    /** @return the namespace name */
    public String getNamespace() {
        return namespace;
    }

    /** @return whether IF NOT EXISTS was given */
    public boolean isIfNotExists() {
        return ifNotExists;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE NAMESPACE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        Unparse.name(writer, namespace);
    }
}
