package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP NAMESPACE [IF EXISTS] ns [CASCADE]}. */
public final class SqlDropNamespace extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP NAMESPACE", SqlKind.DROP_SCHEMA);

    private final String namespace;
    private final boolean ifExists;
    private final boolean cascade;

    /**
     * @param pos       statement position
     * @param namespace the namespace name
     * @param ifExists  whether IF EXISTS was given
     * @param cascade   whether CASCADE was given (drop the namespace's tables too)
     */
    public SqlDropNamespace(SqlParserPos pos, String namespace, boolean ifExists, boolean cascade) {
        super(pos, OPERATOR);
        this.namespace = namespace;
        this.ifExists = ifExists;
        this.cascade = cascade;
    }

    /** @return the namespace name */
    public String getNamespace() {
        return namespace;
    }

    /** @return whether IF EXISTS was given */
    public boolean isIfExists() {
        return ifExists;
    }

    /** @return whether CASCADE was given */
    public boolean isCascade() {
        return cascade;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP NAMESPACE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        Unparse.name(writer, namespace);
        if (cascade) {
            writer.keyword("CASCADE");
        }
    }
}
