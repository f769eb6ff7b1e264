package io.kalamdb.core.sql.parser.ast;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code BACKUP DATABASE ns TO 'path'}: Backs a namespace up to a directory. */
public final class SqlBackupDatabase extends KalamStatement {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("BACKUP DATABASE", SqlKind.OTHER);

    private final String namespace;
    private final String path;

    /**
     * @param pos       statement position
     * @param namespace the namespace
     * @param path      the target path
     */
    public SqlBackupDatabase(SqlParserPos pos, String namespace, String path) {
        super(pos, OPERATOR);
        this.namespace = namespace;
        this.path = path;
    }

    /** @return the namespace */
    public String getNamespace() {
        return namespace;
    }

    /** @return the target path */
    public String getPath() {
        return path;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("BACKUP DATABASE");
        Unparse.name(writer, namespace);
        writer.keyword("TO");
        Unparse.string(writer, path);
    }
}
